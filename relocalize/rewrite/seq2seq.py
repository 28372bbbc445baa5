"""A learned rewriter: a transformers generator that negates a claim unit in place.

``Seq2SeqRewriter(model)`` loads, on first use, a local directory or a hub id:

* encoder-decoder models (T5, BART, ... : ``config.is_encoder_decoder``) through
  ``AutoModelForSeq2SeqLM``; the input is ``"negate: " + sentence`` (:data:`PROMPT_PREFIX`);
* decoder-only models (Llama, Qwen, GPT-2, ...) through ``AutoModelForCausalLM``; the input is
  the tokenizer's chat template applied to one user message, :data:`INSTRUCTION` followed by the
  sentence, with the generation prompt added. The reply's first non-empty line is the rewrite.

Only the sentence goes to the model: markup (list markers, chat stamps, emphasis) is split off
with :func:`relocalize.rewrite.surface.split_markup` and put back byte-identical. The output is
returned in the ``rule`` field of the same :class:`Candidate` the rules produce, so the pipeline
verifies it exactly like a rule output (structural guards, then the NLI threshold). There is no
wrapper here: the pipeline takes it from the rules.

Decoding is deterministic by default (greedy, ``do_sample=False``, a fixed seed before every
batch); inputs longer than ``max_input_tokens`` are truncated and outputs are bounded by
``max_new_tokens``. Units are batched in length order (decoder-only models are padded on the
left); the output of a unit does not depend on the other units of its batch.

Needs ``pip install 'relocalize[seq2seq]'`` (torch and transformers).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from relocalize.rewrite.rewriter import Candidate
from relocalize.rewrite.surface import split_markup

PROMPT_PREFIX = "negate: "
INSTRUCTION = (
    "Rewrite the sentence so that it states the opposite, with the negation inside the sentence itself. "
    "Keep every other word as it is. Answer with the rewritten sentence only.\n\nSentence: "
)
DEVICES = ("cpu", "cuda", "auto")
NO_WRAPPER = "seq2seq has no wrapper"
INSTALL_HINT = "pip install 'relocalize[seq2seq]'"

ENCODER_DECODER = "encoder-decoder"
DECODER_ONLY = "decoder-only"


def _imports() -> tuple[Any, Any]:
    try:
        import torch
        import transformers
    except ImportError as exc:
        raise ImportError(f"the seq2seq rewriter needs torch and transformers: {INSTALL_HINT} ({exc})") from exc
    return torch, transformers


def check_device(device: str) -> None:
    if not isinstance(device, str) or not (device in DEVICES or device.startswith("cuda:")):
        raise ValueError(f"device must be one of {DEVICES} (or 'cuda:<index>'), not {device!r}")


def resolve_device(device: str) -> str:
    """``"auto"`` -> ``"cuda"`` when torch sees a GPU, else ``"cpu"``; an unusable ``"cuda"`` raises."""
    check_device(device)
    torch, _ = _imports()
    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise RuntimeError(
            f"device={device!r} but torch {torch.__version__} sees no CUDA device (a CPU-only wheel, or no GPU): "
            "use device='cpu' or device='auto'"
        )
    return device


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:2]:
        digits = "".join(c for c in piece if c.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def _looks_like_path(model: str) -> bool:
    """A hub id is ``name`` or ``org/name``; anything else that does not exist is a missing directory."""
    return model.startswith(("/", ".", "~")) or "\\" in model or model.count("/") > 1 or Path(model).suffix != ""


def model_kind(config: Any, name: str = "model") -> str:
    """``"encoder-decoder"`` or ``"decoder-only"`` from a transformers config; other kinds raise."""
    from transformers.models.auto import modeling_auto as auto

    model_type = getattr(config, "model_type", "?")
    archs = list(getattr(config, "architectures", None) or [])
    described = f"{name!r} is a {model_type} model ({', '.join(archs) or 'no architecture recorded'})"
    if getattr(config, "is_encoder_decoder", False):
        if model_type in auto.MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES:
            return ENCODER_DECODER
        raise ValueError(f"{described}: an encoder-decoder, but not a text-to-text one AutoModelForSeq2SeqLM loads")
    if model_type in auto.MODEL_FOR_CAUSAL_LM_MAPPING_NAMES:
        causal_arch = any(a.endswith(("ForCausalLM", "LMHeadModel")) for a in archs)
        if causal_arch or (not archs and model_type not in auto.MODEL_FOR_MASKED_LM_MAPPING_NAMES):
            return DECODER_ONLY
    raise ValueError(
        f"{described}: the seq2seq rewriter needs a text generator, either an encoder-decoder (T5, BART) or a "
        "decoder-only model with a chat template; encoder-only models (BERT, RoBERTa, NLI classifiers) cannot "
        "generate"
    )


def load_generator(
    model: str, device: str = "cpu", local_files_only: bool = False, dtype: Any = None
) -> tuple[str, Any, Any]:
    """``(kind, tokenizer, model)`` for a local directory or hub id, on ``device``, in eval mode.

    ``dtype`` None loads float32 weights on the CPU and the checkpoint's own dtype on a GPU.

    Raises ImportError (transformers or torch missing), FileNotFoundError (no such directory, or
    not a saved transformers model), OSError (a hub id that cannot be fetched), ValueError (a model
    that cannot generate, or a decoder-only model without a chat template).
    """
    torch, transformers = _imports()
    if not isinstance(model, str) or not model.strip():
        raise ValueError(f"the seq2seq rewriter needs a model directory or hub id, not {model!r}")
    path = Path(model).expanduser()
    if path.exists():
        if not path.is_dir() or not (path / "config.json").is_file():
            raise FileNotFoundError(f"seq2seq model {model!r} is not a saved transformers model (no config.json)")
        source = str(path)
    elif _looks_like_path(model):
        raise FileNotFoundError(f"seq2seq model directory {model!r} does not exist")
    else:
        source = model
    where = "local files only" if local_files_only else "the hub may be unreachable"
    try:
        config = transformers.AutoConfig.from_pretrained(source, local_files_only=local_files_only)
    except (OSError, ValueError) as exc:
        raise OSError(
            f"cannot load seq2seq model {model!r}: not a local directory, and no hub model by that id ({where}): {exc}"
        ) from exc
    kind = model_kind(config, model)
    device = resolve_device(device)
    tokenizer = transformers.AutoTokenizer.from_pretrained(source, local_files_only=local_files_only)
    if kind == DECODER_ONLY:
        if not getattr(tokenizer, "chat_template", None):
            raise ValueError(
                f"{model!r} is a decoder-only model whose tokenizer has no chat template: "
                "the seq2seq rewriter prompts decoder-only models through it"
            )
        tokenizer.padding_side = "left"
    if tokenizer.pad_token is None:
        if tokenizer.eos_token is None:
            raise ValueError(f"{model!r}: the tokenizer has neither a pad nor an eos token to pad batches with")
        tokenizer.pad_token = tokenizer.eos_token
    auto = transformers.AutoModelForSeq2SeqLM if kind == ENCODER_DECODER else transformers.AutoModelForCausalLM
    if dtype is None:
        dtype = torch.float32 if device == "cpu" else "auto"
    elif isinstance(dtype, str) and dtype != "auto":
        dtype = getattr(torch, dtype)
    # transformers < 4.56 names the argument torch_dtype
    dtype_arg = "dtype" if _version(transformers.__version__) >= (4, 56) else "torch_dtype"
    net = auto.from_pretrained(source, local_files_only=local_files_only, **{dtype_arg: dtype}).to(device).eval()
    return kind, tokenizer, net


def chat_prompt(tokenizer: Any, sentence: str) -> str:
    """The decoder-only prompt: the chat template around :data:`INSTRUCTION` and the sentence."""
    messages = [{"role": "user", "content": INSTRUCTION + sentence}]
    # enable_thinking=False: templates with a reasoning mode (Qwen3) answer directly; others ignore it
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True, enable_thinking=False)


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


class Seq2SeqRewriter:
    """Candidate local negations from a generator; see the module docstring for the prompt format.

    Nothing loads until :meth:`candidates` (or :meth:`load`) is first called.
    """

    def __init__(
        self,
        model: str,
        device: str = "cpu",
        max_new_tokens: int = 96,
        batch_size: int = 16,
        num_beams: int = 1,
        max_input_tokens: int = 256,
        seed: int = 0,
        local_files_only: bool = False,
    ) -> None:
        check_device(device)
        for name, value in (
            ("max_new_tokens", max_new_tokens),
            ("batch_size", batch_size),
            ("num_beams", num_beams),
            ("max_input_tokens", max_input_tokens),
        ):
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive integer, not {value!r}")
        self.model_name = model
        self.device = device
        self.max_new_tokens = max_new_tokens
        self.batch_size = batch_size
        self.num_beams = num_beams
        self.max_input_tokens = max_input_tokens
        self.seed = seed
        self.local_files_only = local_files_only
        self._loaded: tuple[str, Any, Any] | None = None

    def __repr__(self) -> str:
        return f"Seq2SeqRewriter({self.model_name!r}, device={self.device!r})"

    # -- loading -------------------------------------------------------------
    def load(self) -> Seq2SeqRewriter:
        if self._loaded is None:
            self._loaded = load_generator(self.model_name, self.device, self.local_files_only)
        return self

    @classmethod
    def from_loaded(cls, kind: str, tokenizer: Any, model: Any, **kwargs: Any) -> Seq2SeqRewriter:
        """Wrap a model already in memory (the trainer evaluates with it)."""
        rewriter = cls(getattr(model, "name_or_path", "") or "<in memory>", **kwargs)
        if kind == DECODER_ONLY:
            tokenizer.padding_side = "left"
        rewriter._loaded = (kind, tokenizer, model)
        return rewriter

    @property
    def kind(self) -> str:
        return self.load()._loaded[0]

    @property
    def tokenizer(self) -> Any:
        return self.load()._loaded[1]

    @property
    def model(self) -> Any:
        return self.load()._loaded[2]

    # -- generation ------------------------------------------------------------
    def prompts(self, sentences: list[str]) -> list[str]:
        """The model input for each sentence; sentences are cut after ``max_input_tokens`` tokens."""
        tok = self.tokenizer
        cut = []
        for s, ids in zip(sentences, tok(sentences, add_special_tokens=False)["input_ids"] if sentences else []):
            cut.append(s if len(ids) <= self.max_input_tokens else tok.decode(ids[: self.max_input_tokens]))
        if self.kind == ENCODER_DECODER:
            return [PROMPT_PREFIX + s for s in cut]
        return [chat_prompt(tok, s) for s in cut]

    @property
    def input_limit(self) -> int:
        """The longest encoder input: the prefix, ``max_input_tokens`` and an end token or two."""
        return self.max_input_tokens + len(self.tokenizer(PROMPT_PREFIX)["input_ids"]) + 2

    def encode(self, sentences: list[str]) -> Any:
        """A padded batch of token ids (``BatchEncoding``, torch tensors) for ``sentences``."""
        tok = self.tokenizer
        if self.kind == ENCODER_DECODER:
            limit = self.input_limit
            return tok(self.prompts(sentences), padding=True, truncation=True, max_length=limit, return_tensors="pt")
        return tok(self.prompts(sentences), padding=True, add_special_tokens=False, return_tensors="pt")

    def _generation_config(self) -> Any:
        model, tok = self.model, self.tokenizer
        config = copy.deepcopy(model.generation_config)
        config.do_sample = False
        config.num_beams = self.num_beams
        config.max_new_tokens = self.max_new_tokens
        config.max_length = None
        config.temperature = config.top_p = config.top_k = None
        config.num_return_sequences = 1
        config.pad_token_id = tok.pad_token_id
        if config.eos_token_id is None:
            config.eos_token_id = tok.eos_token_id
        return config

    def generate_ids(self, sentences: list[str]) -> list[list[int]]:
        """The generated token ids of each sentence (prompt and padding removed), in input order."""
        import torch

        model, tok = self.model, self.tokenizer
        config = self._generation_config()
        specials = set(tok.all_special_ids)
        order = sorted(range(len(sentences)), key=lambda i: (len(sentences[i]), i))
        out: list[list[int]] = [[] for _ in sentences]
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            enc = self.encode([sentences[i] for i in chunk])
            ids, mask = enc["input_ids"].to(model.device), enc["attention_mask"].to(model.device)
            torch.manual_seed(self.seed)
            with torch.inference_mode():
                generated = model.generate(input_ids=ids, attention_mask=mask, generation_config=config)
            if self.kind == DECODER_ONLY:
                generated = generated[:, ids.shape[1] :]
            for i, row in zip(chunk, generated.tolist()):
                out[i] = [t for t in row if t not in specials]
        return out

    def generate(self, sentences: list[str]) -> list[str]:
        """The first non-empty line of each generated text."""
        ids = self.generate_ids(sentences)
        return [first_line(self.tokenizer.decode(row, skip_special_tokens=True)) for row in ids]

    def candidates(self, units: list[str]) -> list[Candidate]:
        """One :class:`Candidate` per unit: the model output in ``rule``, no wrapper."""
        parts = [split_markup(u) for u in units]
        todo = [i for i, (_, body, _) in enumerate(parts) if body.strip()]
        outputs = dict(zip(todo, self.generate([parts[i][1] for i in todo]))) if todo else {}
        out = []
        for i, (prefix, body, suffix) in enumerate(parts):
            rule, reason = None, "nothing but markup"
            if i in outputs:
                rule, reason = (outputs[i], "") if outputs[i] else (None, "seq2seq produced no text")
            out.append(Candidate(prefix, body, suffix, rule, reason, None, NO_WRAPPER))
        return out
