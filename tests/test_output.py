"""The output policy: stdout, no silent overwrite, whole files only, ordinary modes."""

from __future__ import annotations

import os
import stat

import pytest

from kg.errors import KgError
from kg.output import write_files, write_text


def test_an_existing_file_is_kept_unless_forced(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old", "utf-8")
    with pytest.raises(KgError, match="exists; use --force"):
        write_text("new", str(target), force=False)
    assert target.read_text("utf-8") == "old"
    assert write_text("new", str(target), force=True) == f"wrote {target}"
    assert target.read_text("utf-8") == "new"


def test_a_written_file_has_the_mode_of_any_new_file(tmp_path):
    mask = os.umask(0o022)
    try:
        write_text("x", str(tmp_path / "a.ttl"), force=False)
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "a.ttl").stat().st_mode) == 0o644


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", "utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_text("\udcff", str(target), force=True)
    assert target.read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_dash_is_stdout(capsys, tmp_path):
    assert write_text("hello\n", "-", force=False) == ""
    assert capsys.readouterr().out == "hello\n"


def test_a_path_that_cannot_be_written_is_one_line(tmp_path):
    with pytest.raises(KgError, match=r"cannot write .*nodir/x.json: no folder"):
        write_text("x", str(tmp_path / "nodir" / "x.json"), force=False)
    (tmp_path / "d").mkdir()
    with pytest.raises(KgError, match="is a folder"):
        write_text("x", str(tmp_path / "d"), force=True)
    with pytest.raises(KgError, match="no folder"):
        write_files({"a.csv": "x"}, str(tmp_path / "nodir" / "x.zip"), force=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d"]


def test_a_folder_written_again_holds_only_the_new_files(tmp_path):
    target = tmp_path / "csv"
    write_files({"a.csv": "1", "b.csv": "2"}, str(target), force=False)
    with pytest.raises(KgError, match="exists; use --force"):
        write_files({"c.csv": "3"}, str(target), force=False)
    assert write_files({"c.csv": "3"}, str(target), force=True) == f"wrote {target}"
    assert sorted(p.name for p in target.iterdir()) == ["c.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv"]  # no temporary left


def test_a_zip_is_written_whole(tmp_path):
    import zipfile

    target = tmp_path / "g.zip"
    write_files({"a.csv": "1"}, str(target), force=False)
    assert zipfile.ZipFile(target).namelist() == ["a.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.zip"]
