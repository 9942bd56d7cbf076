"""No credentials in the repository: a cheap scan of every tracked file for likely tokens."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import ROOT

# Likely secrets (simple patterns; each needs the token's full shape, so prose about them passes)
PATTERNS = {
    "GitHub token": re.compile(r"\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b"),
    "GitHub fine-grained token": re.compile(r"\bgithub_pat_[A-Za-z0-9_]{60,}"),
    "AWS access key id": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "private key": re.compile(r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
}
MAX_BYTES = 2_000_000  # larger tracked files (none today) are not scanned


def find_secrets(name: str, text: str) -> list[str]:
    return [
        f"{name}:{text.count(chr(10), 0, m.start()) + 1}: {kind}"
        for kind, pattern in PATTERNS.items()
        for m in pattern.finditer(text)
    ]


def tracked_files() -> list[str]:
    result = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True)
    if result.returncode != 0:
        pytest.skip("not a git checkout")
    return [n for n in result.stdout.decode("utf-8").split("\0") if n]


def test_no_secrets_in_tracked_files():
    found = []
    for name in tracked_files():
        path = ROOT / name
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            continue
        found += find_secrets(name, path.read_bytes().decode("utf-8", errors="replace"))
    assert not found, found


@pytest.mark.parametrize("token", [
    "gh" + "p_" + "a1B2" * 9,
    "github" + "_pat_" + "11ABCDEFG0" * 7,
    "AK" + "IA" + "ABCDEFGHIJKLMNOP",
    "-----BEGIN " + "OPENSSH PRIVATE KEY-----",
    "-----BEGIN " + "PRIVATE KEY-----",
])
def test_the_scan_finds_a_planted_token(token):
    assert find_secrets("x.yml", f"a: 1\nkey: {token}\n") != []


def test_the_scan_ignores_talk_about_tokens():
    assert find_secrets("README.md", "Tokens look like ghp_... or AKIA...; never commit a private key.") == []
