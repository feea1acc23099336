"""kg's cache of what it derives from its data files (kg.resources.cached) only ever saves
time: what it gives back is what would have been made without it."""

from __future__ import annotations

from kg.extraction.mentions import lexicon as mentions
from kg.resources import cached


def test_a_value_is_made_once_then_loaded(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    calls = []

    def make():
        calls.append(1)
        return {"庙行镇": (("310113112200", "野桥村"),)}

    first = cached("table", b"key", make)
    second = cached("table", b"key", make)
    assert first == second == {"庙行镇": (("310113112200", "野桥村"),)}
    assert len(calls) == 1
    assert len(list(tmp_path.iterdir())) == 1


def test_another_key_is_another_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    assert cached("table", b"one", lambda: 1) == 1
    assert cached("table", b"two", lambda: 2) == 2
    assert cached("table", b"one", lambda: 3) == 1


def test_a_damaged_or_unwritable_cache_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    cached("table", b"key", lambda: [1, 2])
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(b"\x80not a pickle")
    assert cached("table", b"key", lambda: [1, 2]) == [1, 2]
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocked / "below"))  # a folder that cannot be made
    assert cached("table", b"key", lambda: [3]) == [3]


def test_jieba_from_the_cache_has_the_words_jieba_is_given(tmp_path, monkeypatch):
    import jieba

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    fresh = jieba.Tokenizer()
    for word in mentions._user_words():
        fresh.add_word(word, freq=2000)
    for _ in range(2):  # made, then loaded
        mentions._tokenizer.cache_clear()
        tokenizer = mentions._tokenizer()
        assert tokenizer.FREQ == fresh.FREQ and tokenizer.total == fresh.total
    mentions._tokenizer.cache_clear()


def test_the_tagger_has_the_tags_jieba_reads_from_its_dictionary():
    import jieba.posseg

    assert mentions._pos_tokenizer().word_tag_tab == jieba.posseg.POSTokenizer(mentions._tokenizer()).word_tag_tab
