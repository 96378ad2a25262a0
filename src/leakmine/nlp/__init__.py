"""The extraction pipeline: built from `extract.cfg` beside this module, saved to and loaded from `models/`."""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from leakmine.heap import kept_for_life

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[3]
CONFIG_PATH = Path(__file__).resolve().with_name("extract.cfg")
MODEL_DIR = PROJECT_ROOT / "models" / "leakmine-extract"
# Not saved or loaded: the tokenizer is scispaCy's rules, built from code by the config's factory in
# any case (reading a saved copy over it costs as much again).
_NOT_SAVED = ["tokenizer"]


def _register() -> None:
    """Import the modules whose decorators register leakmine's factories with spaCy."""
    import leakmine.nlp.tokenizer  # noqa: F401
    from leakmine.components import register

    register()


def build_pipeline(config_path: Path = CONFIG_PATH) -> Language:
    """A fresh pipeline from its config (no trained weights involved)."""
    _register()
    config = spacy.util.load_config(config_path, interpolate=True)
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


def component_configs(config_path: Path = CONFIG_PATH) -> dict[str, dict[str, Any]]:
    """Each component's block of the pipeline config (its `factory` and settings), in pipeline order."""
    config = spacy.util.load_config(config_path, interpolate=True)
    return {name: dict(config["components"][name]) for name in config["nlp"]["pipeline"]}


def vocabulary_configs(config_path: Path = CONFIG_PATH) -> dict[str, dict[str, Any]]:
    """The settings (`label`, `rules`) of each `leakmine_vocabulary` component, by name."""
    return {name: {k: v for k, v in block.items() if k != "factory"}
            for name, block in component_configs(config_path).items() if block["factory"] == "leakmine_vocabulary"}


def save_pipeline(nlp: Language, model_dir: Path = MODEL_DIR) -> Path:
    """`nlp` saved in `model_dir`, with what was read of its rules' patterns (nlp/analyses.py)."""
    from leakmine.nlp import analyses

    nlp.to_disk(model_dir, exclude=_NOT_SAVED)
    analyses.save(model_dir)
    return model_dir


def _model_env() -> str | None:
    return os.environ.get("LEAKMINE_MODEL") or None


def default_model_dir() -> Path:
    """Where the pipeline is saved: `LEAKMINE_MODEL`, else models/ (it may not exist)."""
    return Path(_model_env() or MODEL_DIR)


def load_pipeline(model: str | None = None) -> Language:
    """The pipeline saved in `model` (a directory), else in models/, else built from the config; one
    per process for each (`load_pipeline()` and `load_pipeline(None)` are the same).

    A saved pipeline older than its config or rule files is rebuilt, so a stale model is never used.
    """
    return _load_pipeline(model or _model_env())


@lru_cache(maxsize=4)
def _load_pipeline(model: str | None) -> Language:
    from leakmine.nlp import analyses

    path = Path(model) if model else MODEL_DIR if MODEL_DIR.exists() and not is_stale(MODEL_DIR) else None
    if path is None:
        log.info("building the pipeline from %s", CONFIG_PATH)
        return build_pipeline()
    with kept_for_life():
        _register()
        analyses.load(path)
        return spacy.load(path, exclude=_NOT_SAVED)


def source_files() -> list[Path]:
    """The config and every file of the package that shapes the pipeline."""
    pkg = Path(__file__).resolve().parents[1]
    files = [p for d in (pkg / "components", pkg / "nlp") for p in d.rglob("*")
             if p.is_file() and p.suffix in (".py", ".jsonl", ".json", ".txt")]
    return sorted([CONFIG_PATH, *files])


def is_stale(model_dir: Path) -> bool:
    stamp = model_dir / "meta.json"
    if not stamp.exists():
        return True
    built = stamp.stat().st_mtime
    return any(p.stat().st_mtime > built for p in source_files())
