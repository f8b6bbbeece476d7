"""The facts shipped with each example equal the master copy in ../shared/seeds."""

import pytest

from ostoja.examples.registry import EXAMPLES, load_facts


@pytest.mark.parametrize("slug", sorted(EXAMPLES))
def test_shipped_facts_equal_master_copy(slug):
    example = EXAMPLES[slug]
    if not example.master_facts_path.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    assert example.facts_path.read_bytes() == example.master_facts_path.read_bytes()


@pytest.mark.parametrize("slug", sorted(EXAMPLES))
def test_facts_parse(slug):
    data = load_facts(EXAMPLES[slug].facts_path)
    assert data["facts"] and all("id" in f and "value" in f for f in data["facts"])
