"""Sentence embeddings from the packaged int8 ONNX model (docs/model-card.md).

Why: lexical matching misses paraphrase ("pupils" for "children in school") and is fooled by
shared words; a sentence encoder places an answer near its question even when they share few
words. The model is all-MiniLM-L6-v2, converted once by `make model` (tools/make_model.py) and
shipped in rapporteur/data/model/; it runs with onnxruntime and tokenizers, offline, on one
thread. Vectors are L2-normalised in the graph, so a dot product is the cosine.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from .. import deadline

MODEL_FILE = "minilm-l6-int8.onnx"
MAX_TOKENS = 128
"""Longer sentences are cut: the model was trained on inputs of this length."""
BATCH = 32
DIM = 384


def model_dir() -> Path:
    return Path(str(resources.files("rapporteur") / "data" / "model"))


def available() -> bool:
    """Whether the packaged model and its runtime can be loaded (a broken install can lack
    them; the lexical method then serves alone)."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    return (model_dir() / MODEL_FILE).is_file() and (model_dir() / "tokenizer.json").is_file()


class Encoder:
    """Encodes sentences in length-sorted batches (less padding), one thread per call."""

    def __init__(self, directory: Path | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        directory = directory or model_dir()
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = ort.InferenceSession(
            str(directory / MODEL_FILE), options, providers=["CPUExecutionProvider"]
        )
        tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.no_padding()
        self._tokenizer = tokenizer
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text (shape len(texts) x 384, float32)."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), BATCH):
            deadline.check()
            chunk = order[start : start + BATCH]
            width = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, i in enumerate(chunk):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            with self._lock:
                (vectors,) = self._session.run(["sentence_embedding"], feeds)
            out[chunk] = vectors
        return out


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The process's encoder, loaded once (about 0.1 s) and reused for every review."""
    return Encoder()
