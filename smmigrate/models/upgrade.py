"""`smmigrate upgrade SRC DST`: a TF1 SavedModel re-exported as a native TF2 SavedModel, verified.

TF2 loads a TF1 SavedModel through `load_v1_in_v2`, where reference variables are neither listed
in `.variables` nor trainable (tensorflow#49156, #53372), and re-saving a pruned TF1 model has lost
its weights (#59287). `upgrade` goes through the graph adapter instead: every variable (reference
or resource) becomes an eager resource variable restored from SRC's checkpoint, the init / main /
legacy-init op runs with SRC's assets, one function per SignatureDef is pruned, and
`tf.saved_model.save` writes DST with an object graph (variables reachable as `loaded.variables`,
trainable as the graph recorded them). Method names (classify/regress), which TF2 would reset to
predict, are copied from SRC; `assets/` and `assets.extra/` are copied. Before DST appears, the
staged export is loaded and compared with SRC on every signature (`verify`); DST is renamed into
place only when they agree, so a failed or interrupted upgrade leaves no DST.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import _proto
from ..errors import SmmigrateError
from . import DEFAULT_ATOL, DEFAULT_RTOL

if TYPE_CHECKING:
    from .verify import Report

__all__ = ["upgrade", "upgrade_versions", "UpgradeResult", "VersionResult", "check_source", "model_versions"]


@dataclass
class UpgradeResult:
    """What `upgrade` wrote: the folder, the verification report (None with verify=False), notes."""

    dst: Path
    report: Report | None = None
    notes: list[str] = field(default_factory=list)
    variables: int = 0
    signatures: list[str] = field(default_factory=list)


def check_source(src, tags: Iterable[str] | None = None):
    """Refusals that need no TensorFlow: not a SavedModel, already TF2, several MetaGraphs."""
    src = Path(src)
    if src.is_dir() and not any((src / n).exists() for n in ("saved_model.pb", "saved_model.pbtxt")):
        graphs = sorted(p.name for p in src.glob("*.meta"))
        if graphs:
            raise SmmigrateError(
                f"{src}: not a SavedModel (no saved_model.pb) but holds {graphs[0]}; convert a bare MetaGraph + "
                f"checkpoint with `smmigrate wrap-metagraph {src / graphs[0]}`"
            )
    sm = _proto.read_saved_model(src)
    graphs = list(sm.proto.meta_graphs)
    if any(m.HasField("object_graph_def") and len(m.object_graph_def.nodes) > 0 for m in graphs):
        raise SmmigrateError(
            f"{src}: already a TF2 SavedModel (it has an object graph); nothing to upgrade — load it with "
            "tf.saved_model.load (use `smmigrate method-names` to restore classify/regress method names)"
        )
    tags = _proto.parse_tags(tags)
    if len(graphs) > 1 and not tags:
        sets = "; ".join(",".join(_proto.tag_set(m)) or "(no tags)" for m in graphs)
        raise SmmigrateError(
            f"{src}: holds {len(graphs)} MetaGraphs (tag sets {sets}); a TF2 SavedModel has one, pick it with --tags"
        )
    mg = _proto.select_meta_graph(sm.proto, tags, str(sm.path))
    return sm, mg


def model_versions(src) -> list[Path] | None:
    """The numbered version folders of a TF Serving model base folder (`SRC/1/`, `SRC/2/`, ...), oldest first.

    None when `src` is not one: it is a SavedModel itself, or has no numbered SavedModel folder.
    """
    src = Path(src)
    if not src.is_dir() or any((src / n).exists() for n in (_proto.SAVED_MODEL_PB, _proto.SAVED_MODEL_PBTXT)):
        return None
    versions = [
        p
        for p in src.iterdir()
        if p.is_dir()
        and p.name.isdigit()
        and any((p / n).exists() for n in (_proto.SAVED_MODEL_PB, _proto.SAVED_MODEL_PBTXT))
    ]
    return sorted(versions, key=lambda p: int(p.name)) or None


@dataclass
class VersionResult:
    """One version of a base-folder upgrade: written and verified (`result`), or why not (`error`)."""

    version: str
    result: UpgradeResult | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def upgrade_versions(
    src,
    dst,
    *,
    tags: Iterable[str] | None = None,
    overwrite: bool = False,
    verify: bool = True,
    rtol: float = DEFAULT_RTOL,
    atol: float = DEFAULT_ATOL,
) -> list[VersionResult]:
    """Upgrade every version of the TF Serving model base folder `src` into `dst/<version>`.

    Each version is upgraded and verified on its own, all or nothing (`upgrade`): a version that
    fails leaves no `dst/<version>` and the others still go ahead; the results say which did what.
    Folders that are not numbered SavedModels are left alone (TF Serving ignores them too).
    """
    src, dst = Path(src), Path(dst)
    versions = model_versions(src)
    if not versions:
        raise SmmigrateError(f"{src}: not a TF Serving model base folder (no numbered SavedModel sub-folders)")
    out = []
    for version in versions:
        try:
            result = upgrade(
                version,
                dst / version.name,
                tags=tags,
                overwrite=overwrite,
                verify=verify,
                rtol=rtol,
                atol=atol,
            )
        except SmmigrateError as exc:
            out.append(VersionResult(version.name, error=str(exc)))
        else:
            out.append(VersionResult(version.name, result=result))
    return out


def _copy_tree_missing(src: Path, dst: Path) -> int:
    """Copy files of `src` that `dst` lacks (TF2 writes only the assets the graph feeds)."""
    count = 0
    for path in sorted(src.rglob("*")):
        if path.is_file():
            target = dst / path.relative_to(src)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
                count += 1
    return count


def upgrade(
    src,
    dst,
    *,
    tags: Iterable[str] | None = None,
    overwrite: bool = False,
    verify: bool = True,
    rtol: float = DEFAULT_RTOL,
    atol: float = DEFAULT_ATOL,
) -> UpgradeResult:
    """Convert the TF1 SavedModel `src` into a native TF2 SavedModel `dst`; see the module docstring.

    `tags` picks the MetaGraph when SRC has several (required then). With `verify` (default) the
    staged export is compared with SRC on every signature before DST is renamed into place; a
    difference raises SmmigrateError and nothing is written. Returns an `UpgradeResult` whose
    `report` is the `verify` Report.
    """
    src, dst = Path(src), Path(dst)
    _, mg = check_source(src, tags)
    if dst.exists() and not overwrite:
        raise SmmigrateError(f"{dst}: already exists; choose another output folder or pass --overwrite")
    try:
        if dst.resolve() == src.resolve():
            raise SmmigrateError(f"{dst}: is SRC itself; write the upgrade to another folder")
    except OSError:
        pass
    methods = {k: s.method_name for k, s in mg.signature_def.items() if not k.startswith("__")}
    several = len(_proto.read_saved_model(src).proto.meta_graphs) > 1
    # verify picks one tag set for both sides; the TF2 export's only MetaGraph is tagged serve.
    verify_tags: tuple[str, ...] | None = None
    unverifiable = False
    if several:
        if set(mg.meta_info_def.tags) == {"serve"}:
            verify_tags = ("serve",)
        else:
            unverifiable = True

    from .export import real_tensorflow

    with real_tensorflow():
        from . import graph_adapter
        from .export import save_wrapped

        w = graph_adapter.wrap_metagraph(src, tags=tuple(mg.meta_info_def.tags))
        result = UpgradeResult(dst, notes=list(w.notes), variables=len(w.variables), signatures=sorted(w.functions))

        def extra(staging: Path) -> None:
            for name in ("assets", "assets.extra"):
                if (src / name).is_dir():
                    copied = _copy_tree_missing(src / name, staging / name)
                    if copied:
                        result.notes.append(f"copied {copied} file(s) of {name}/")

        def check(staged: Path) -> None:
            if not verify:
                return
            if unverifiable:
                result.notes.append(
                    "not verified: SRC's chosen MetaGraph is not tagged serve, so verify cannot pick it beside "
                    "the TF2 export"
                )
                return
            from .verify import verify as verify_models

            report = verify_models(src, staged, rtol=rtol, atol=atol, tags=verify_tags)
            # verify fills unknown dimensions with batch 2, but some TF1 graphs fix the batch inside
            # the graph while their placeholder says `?` (a reshape to [1, ...], a constant of
            # batch 1): SRC itself fails at batch 2. That says nothing about the upgrade, so such a
            # signature is compared again at batch 1. Only SRC failing earns the retry: an upgrade
            # that fails where SRC runs is a difference and stays one.
            failed = [
                s.key
                for s in report.signatures
                if s.status == "error" and any(p.startswith("A failed to run") for p in s.problems)
            ]
            if failed:
                again = verify_models(src, staged, signatures=failed, rtol=rtol, atol=atol, tags=verify_tags, batch=1)
                redone = {s.key: s for s in again.signatures}
                report.signatures = [redone.get(s.key, s) for s in report.signatures]
                for key in failed:
                    if redone[key].ok:
                        redone[key].notes.append("compared with batch 1 (SRC fails at batch 2)")
            report.b = str(dst)
            result.report = report
            if not report.equivalent:
                bad = ", ".join(s.key for s in report.signatures if not s.ok) or "none compared"
                raise SmmigrateError(
                    f"{src}: the upgraded model does not compute the same as SRC ({bad}); nothing written — "
                    "run `smmigrate wrap-metagraph` on it to see the adapter's notes, and please report it"
                )

        save_wrapped(w, dst, methods, overwrite=overwrite, extra=extra, check=check)
        result.notes.extend(n for n in w.notes if n not in result.notes)  # what saving added
    return result
