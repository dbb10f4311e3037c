"""The rule families are mixed into one extractor: a method name defined in two families means one of the
rules is silently never called (Python takes the first in the method order), so a rule a test proves in
isolation could vanish from the drafts."""

from __future__ import annotations

from collections import defaultdict

from transcribe.minutes.rules.extractor import RuleExtractor


def families_defining(cls: type) -> dict[str, list[str]]:
    where: dict[str, list[str]] = defaultdict(list)
    for family in cls.__mro__:
        if family is object:
            continue
        for name, value in vars(family).items():
            if not name.startswith("__") and (callable(value) or isinstance(value, (staticmethod, classmethod))):
                where[name].append(family.__name__)
    return where


def test_no_two_rule_families_define_the_same_method() -> None:
    twice = {name: fams for name, fams in families_defining(RuleExtractor).items() if len(fams) > 1}
    assert twice == {}


def test_the_check_sees_a_shadowed_rule() -> None:
    class A:
        def _offer(self) -> bool:
            return True

    class B:
        def _offer(self) -> bool:
            return False

    class Both(A, B):
        pass

    assert families_defining(Both)["_offer"] == ["A", "B"]
