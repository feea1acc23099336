"""Where a command's output goes: one policy for every file kg writes.

- ``-`` is standard output;
- an existing file (or folder) is never overwritten unless ``force`` is given: the one
  place that says "exists; use --force";
- a file, a zip or a folder of files is written whole or not at all (written beside the
  target under a temporary name, then renamed over it), so that a failed export never
  leaves half a file where a good one was, and a folder written again holds no stale files;
- a path that cannot be written (no such folder, a folder where a file is wanted, no
  permission) is one line naming it, not a traceback.

It is at the bottom of the layers, beside :mod:`kg.resources`: every stage that writes a
file (exports, the reviewer's sheet) writes it through here.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_text("a\\n", str(folder / "x.txt"), force=False)
'wrote ...x.txt'
>>> write_text("b\\n", str(folder / "x.txt"), force=False)
Traceback (most recent call last):
...
kg.errors.KgError: .../x.txt exists; use --force to overwrite it
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import orjson

from kg.errors import KgError

STDOUT = "-"


def check_writable(output: str | Path, force: bool) -> Path:
    """The path to write, refused when it exists and ``force`` is not given."""
    path = Path(output)
    if path.exists() and not force:
        raise KgError(f"{path} exists; use --force to overwrite it")
    return path


def json_text(value: object) -> str:
    """JSON as kg writes it: UTF-8 text (no \\u escapes), two-space indents, a final
    newline; by orjson, the same text as ``json.dumps(indent=2, ensure_ascii=False)``
    several times faster (an export of a big store is mostly this).

    >>> print(json_text({"town": "庙行镇", "share": 0.2}), end="")
    {
      "town": "庙行镇",
      "share": 0.2
    }
    """
    return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _cannot(path: Path, exc: OSError) -> KgError:
    reason = exc.strerror or type(exc).__name__
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        reason = "is a folder"
    elif not path.parent.exists():
        reason = f"no folder {path.parent}"
    return KgError(f"cannot write {path}: {reason}")


def write_text(text: str, output: str | Path, force: bool, encoding: str = "utf-8") -> str:
    """Write ``text`` to ``output`` (a file, or ``-`` for standard output); returns what
    was done, for the command to tell (empty for standard output)."""
    if str(output) == STDOUT:
        sys.stdout.write(text)
        sys.stdout.flush()
        return ""
    path = check_writable(output, force)
    if path.is_dir():
        raise KgError(f"cannot write {path}: is a folder")
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as exc:
        raise _cannot(path, exc) from exc
    try:
        # mkstemp makes the file private; an export gets the mode any new file would get
        os.fchmod(handle, 0o666 & ~_umask())
        with os.fdopen(handle, "w", encoding=encoding, newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise _cannot(path, exc) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return f"wrote {path}"


def write_files(files: dict[str, str] | Callable[[Path], object], output: str | Path, force: bool) -> str:
    """Several files: into a zip if ``output`` ends in ``.zip``, else into the folder
    ``output``, which then holds these files and nothing else. Whole or not at all.
    ``files`` is their names and texts, or a function that writes them into the folder
    it is given (a writer streaming more than fits in memory as text)."""
    path = check_writable(output, force)
    if not path.parent.exists():
        raise KgError(f"cannot write {path}: no folder {path.parent}")
    temporary: Path | None = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}."))
    try:
        assert temporary is not None
        if path.suffix == ".zip":
            staged = temporary / path.name
            with zipfile.ZipFile(staged, "w", zipfile.ZIP_DEFLATED) as archive:
                if callable(files):
                    folder = temporary / "files"
                    folder.mkdir()
                    files(folder)
                    for file in sorted(folder.iterdir()):
                        archive.write(file, file.name)
                else:
                    for name, text in files.items():
                        archive.writestr(name, text)
            os.chmod(staged, 0o666 & ~_umask())
            if path.is_dir():
                raise KgError(f"cannot write {path}: is a folder")
            os.replace(staged, path)
        else:
            os.chmod(temporary, 0o777 & ~_umask())
            if callable(files):
                files(temporary)
            else:
                for name, text in files.items():
                    (temporary / name).write_text(text, "utf-8")
            if path.exists() and not path.is_dir():
                raise KgError(f"cannot write {path}: is a file, not a folder")
            # the old folder goes only once the new one is whole
            old = path.with_name(f".{path.name}.old") if path.exists() else None
            if old:
                os.replace(path, old)
            os.replace(temporary, path)
            if old:
                shutil.rmtree(old)
            temporary = None  # it is the output now
    except OSError as exc:
        raise _cannot(path, exc) from exc
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
    return f"wrote {path}"
