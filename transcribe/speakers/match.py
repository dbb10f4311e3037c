"""Who is who: diarised speaker labels matched against the voice profiles.

A label is scored piece by piece (`evidence.py`: ~3 s pieces of its turns; without audio, its
centroid as one piece). Each piece is compared with the profile's closest channel variant (as
recorded, telephone, rooms, noise: `channels.py`), and normalised against an impostor cohort
(`cohort.py`: adaptive s-norm, each piece's and each profile's COHORT_TOP closest cohort voices).
A label's score is the QUANTILE (0.3) of its pieces' scores, so most of its speech must agree: a
cluster that mixes a stranger with an enrolled voice, or a stranger who sounds like one person for
a moment, is not named. Labels and profiles are paired one-to-one by the Hungarian assignment over
the normalised scores; each pair then gets a status:

- cosine >= T_NAMED, normalised >= Z_NAMED, the runner-up profile at least MARGIN lower and at
  least MIN_PIECES pieces of speech: "named"; on raw cosines also normalised >= Z_STRONG_RAW with
  the cosine at most STRONG_SLACK under T_NAMED or short of the margin, when the runner-up profile's
  normalised score is STRONG_GAP lower;
- cosine >= T_PROPOSED and normalised >= Z_PROPOSED (or named but on thin evidence, or on pieces
  that do not agree on one voice: `agreement.py`): "proposed", shown as "Johan?" for a reviewer;
- otherwise "anonymous".

A label left over by the assignment (e.g. one person diarised as two labels) may still get a
proposal for its best profile, never a name: when there are more labels than profiles, or when its
best profile names another label and it matches that profile as well as a name needs.

Calibration on real voices (`python -m transcribe.bench.profiles_real --count 30 --sweep`): 30 dev
conversations of 2-4 min (LibriSpeech readers with id % 4 == 2; clean, reverb, noise, telephone,
one far speaker), every other reader enrolled from the first half of their one utterance, the
conversations built from the other half only (enrolment and test never share speech). Scoring a
label's centroid with raw thresholds (0.86, margin 0.05: the previous method) named 39 of 82
enrolled readers present, with 2 wrong names and 2 of 67 stranger labels named. Strangers reached
raw cosines of 0.85 (0.94 for a centroid) on telephone speech, where people sound alike, and
normalised scores up to 3.5, but rarely both, and never with most of their pieces. Over a grid
(quantile 0.3/0.5, cohort top 5-40, Z_NAMED 2.5-4, T_NAMED 0.75-0.84), the median of the pieces
gave a wrong name at every setting that named more than 45 %; the 0.3 quantile with top 20 gave no
wrong name and no stranger named from Z_NAMED 3.0 / T_NAMED 0.75 up: 48 of 82 named (58.5 %), 0
wrong, 0 strangers named, 7 strangers proposed (previous: 10). Z_NAMED = 3.0 with T_NAMED = 0.78 is
a grid step inside that region in both directions (2.5/0.75 gave 2 wrong names). MIN_PIECES = 2:
a label with under ~5 s of speech gets at most a proposal (3 would have cost 3 names on dev).
The held-out readers (odd id) were never used here.
Back-end (`backend.py`, WCCN fitted on the cohort readers through enrolment and meeting channels):
every piece, profile channel and cohort voice is compared in its space. On the same 30 dev
conversations (after a diariser change: 50 of 82 named with the constants above on raw cosines,
52 at best over the raw grid) WCCN with shrinkage 0.2 named 57 at Z_NAMED 3.0 / T_NAMED 0.36 and
55 at 3.25 / 0.36, 0 wrong and no stranger named at either; the most name-like stranger reached
3.0, so Z_NAMED = 3.25 keeps a margin. Shrinkage 0.05, 0.5 and 0.8 gave wrong names at 3.0; LDA to
60 directions after WCCN (61 training voices) gave 1-3 wrong names at every setting tried. In the
bench run as the product scores (anchors on raw scores, then matching through the back-end): 56 of
82 named, 0 wrong, 0 of 73 stranger labels named, 11 of 19 proposals right; raw cosines with the
raw thresholds in the same run: 52, 0 wrong, 6 of 14 proposals right.
Through the back-end alone the most name-like dev stranger sat 0.14 under Z_NAMED where raw cosines
leave less than none (3.02, kept out by its cosine), and on the held-out readers the back-end named
one stranger. Fused scores (the product's, `backend=FUSED`): each piece's normalised score on raw
cosines and through the back-end, averaged. On the 30 dev conversations (the bench clustering
telephone recordings as the product does) the dev readers' failures were: 8 of 29 merged into
another's label by the diariser, most of the rest a normalised score of 1.5-2.8 with their own profile
(noise, reverb, a far voice; strangers reach 3.0) or a look-alike profile ranked first (one reader
in three conversations). Fused, the look-alike ranks second in all but one, and the most name-like
stranger reaches 2.80 (raw 3.02, back-end 3.11). Over Z_NAMED_FUSED 2.5-3.25, T_NAMED_FUSED
0.70-0.78, a normalised margin of 0.5-1.5 with or without the 0.03 cosine margin: 2.5 and 2.75
gave wrong names at every cosine; 3.0 named 57 of 82, 3.25 named 56 (raw 53, back-end 56, same
run), 0 wrong, no stranger named; the cosine margin cost 2-3 names (a normalised margin of 1.0
replaces it); the strong-score rule adds nothing. Z_NAMED_FUSED = 3.25 keeps 0.45 over the most
name-like stranger. Z_PROPOSED_FUSED = 2.5: strangers proposed 10 -> 4 of 72 at no name's cost.
Strong normalised scores (raw cosines): of the dev labels' pairs with a profile not their own, the
highest normalised score was 3.55 (telephone speech, cosine 0.85); the most name-like stranger 2.93.
Two enrolled readers scored 4.38 and 4.85 with their own profile and were still not named, one at
cosine 0.773 (under 0.78), one 0.02 over a telephone look-alike (under the margin). From a
normalised score of 3.75 to 4.0 both are named (52 -> 54 of 82, 0 wrong, no stranger named; 4.5
names one); Z_STRONG_RAW = 4.0 keeps 0.45 over every other person's score. Through the back-end
(different people reached 3.75 there) it named no one more and is not used.
A single piece (a label of one sentence or two): of the 48,000 pairs of a dev label's piece with a
profile not its own, the highest fused score was 4.75 (a stranger with a look-alike profile); pieces
of a person's own profile reach 6 and more one time in six. Z_SHORT_FUSED = 6.0 names a one-piece
label from there, 1.25 over any other person's piece (dev 57 -> 58 of 82, 0 wrong, no stranger named;
from 4.5 to 6.0 the same one reader at 7.4 is named). Raw cosines or the back-end alone keep two pieces.
Thin enrolments: a profile enrolled from a few seconds of speech is a blurred voice, and others come
closer to it. With the dev readers' enrolments cut to 2, 3, 4 and 5 s (the conversations unchanged),
a name with the other constants went wrong at 2 s and 4 s (2 each: other people at fused 3.29-3.40,
among them the dev look-alike stranger, 2.80 against his full enrolment), while with the bench's own
enrolments (median 7 s, five under 5 s) no other person passed 2.80. Z_NAMED_THIN = 3.75 under
THIN_ENROLMENT_S = 5 s keeps 0.35 over those, as Z_NAMED_FUSED keeps 0.45 over 2.80: no wrong name at
any of those lengths (named 30/36/45/51 -> 20/27/35/50 of 82 at 2/3/4/5 s), at the cost of one dev
name with the bench's enrolments (58 -> 57: a reader enrolled from 1.2 s, at 3.58). Naming grows
steeply with the enrolment: 30, 36, 45, 51 and 58 of 82 at 2, 3, 4, 5 s and the full ~7 s.
Proposals: a proposal is a name the reviewer only has to confirm, and a confirmed name enrols that
speech into the person's profile, so a stranger proposed as "Anna?" and confirmed in haste blurs Anna's
voice. At Z_PROPOSED_FUSED = 2.5 the 30 dev conversations gave 12 proposals, 8 of them the right
person and 4 strangers (at 2.51-2.80, the most name-like dev stranger's fused score); at 3.0, 0.2 over
that stranger, 5 proposals, all right, and no stranger proposed (2.75: 6, 5 right, one stranger);
names unchanged (58 of 82).
Brief enrolments (cut to 1 and 1.5 s, the enrolment halves then embedded whole): a name under Z_NAMED_THIN went
to the wrong reader at 1.5 s (fused 3.78) and strangers reached 3.11; neither the label's mean embedding or
median piece, a cohort cut to the enrolment's length nor fewer channel variants separated them better. So a
profile of under BRIEF_ENROLMENT_S = 2 s named from Z_NAMED_BRIEF = 4.25 and proposed from Z_PROPOSED_BRIEF 3.5.
Scorings measured and not kept (30 dev conversations, the labels as the product sees them; same-person
pairs above every other person's score 62 of 79 as shipped, AUC 0.995, highest other 3.31; both halves of the
conversations, even and odd, agreed): cohort top 10 / 40 59 / 55; the raw view's weight 0.3 / 0.7 61 / 59; the
pieces' median 60; the 10-30 % of pieces least like the rest of their label left out 60-61 (highest other up to
3.51); the profile heard through one channel per label (the one its pieces match best) instead of each piece's
closest 49; the directory's other profiles joining the profile's cohort 58; 5 s pieces instead of 3 s 62 (all
scores ~0.4 higher, highest other 3.73). What stops the dev readers is not the scoring's form: of 25 not named,
13 are four readers enrolled from 1.2-4.4 s (2 merged, the others' own scores -1.2 to 2.4 and one 3.58 under
Z_NAMED_BRIEF), 3 more spoke 2.5-4.5 s in all and were merged, 2 trail a telephone look-alike absent from the
recording by under Z_MARGIN_FUSED (so comparing only the profiles of voices present would not name them; the same
look-alike scores 3.30 with the other's label in noise), and 7 have own scores of 1.7-3.1 (six under 2.7) where
a stranger of 40 pieces reaches 2.80 with a look-alike profile (his pieces' mean 3.13, above those readers' own).
Weak enrolments: enrolment embeds a recording's speech after voice activity detection (`profiles.speech_spans`;
the bench had embedded its readers' enrolment halves whole, pauses counted as speech). With the dev enrolments cut
to their first 1-6 s of speech, a name at the ordinary thresholds went to a stranger from a profile of 1 s (4.52)
and from one of 3.5 s at every length from 3 s (a telephone stranger at 3.48-3.86), never from a profile of 5 s
or more; other people reached 6.35 at 1 s, 4.00 at 1.5 s, 3.98 at 2 s. So a profile of under MIN_ENROLMENT_S = 5 s
is weak: it names only from Z_NAMED_WEAK (below; THIN and BRIEF are moot) and proposes from Z_PROPOSED_WEAK = 4.25;
under BRIEF_ENROLMENT_S it never names; under MIN_VOICE_S
= 1.5 s (less than one encoder window) it proposes nothing and `profiles.enroll_audio` refuses the recording. Dev
30 conversations: named 57 -> 45 of 82 readers offered, 45 of 53 whose enrolment was accepted (0.849; before,
enrolled from 5 s or more 53 of 65, 0.815), proposals all right, 0 wrong, no stranger named or proposed.
A telephone variant that also samples at 8 kHz through mu-law (as the bench's telephone line does) named no
more dev telephone readers (9 of 13 either way) and brought strangers closer (highest 3.48 -> 3.74-3.79, pairs
above every other person's score 50 -> 34, with the cohort rebuilt through it too): not kept.
Telephone growth: speech confirmed in a telephone meeting joins a profile as its telephone channel only
(`profiles.TELEPHONE`); kept as the recorded voice it drew every voice over a line towards the profile (a stranger
named at 3.26 in the growth bench). The profile's side of the s-norm against the cohort through every channel, or
channel by channel, instead of as recorded (10 dev growth conversations, both meetings, as enrolled and grown):
same-person pairs above every other person's score 7/20/24 -> 6/17/24 and 7/17/24, AUC within 0.001, all scores
~1.2 lower: no better separated, not kept. A weak profile proposing from a lower score, with or without a lead
over the runner-up profile: the same 10 conversations' both meetings with the enrolments cut to 1.5-4.5 s, 290
proposals of weak profiles from 2.5: strangers at 4.96 (2.5 s profile), 4.27 (3 s) and 4.21 (3.5 s), each 3-5
ahead of its runner-up, so neither 3.5 nor a lead names more without a stranger proposed; Z_PROPOSED_WEAK stays.
A weak profile's name: a weak profile's own readers often score far above anyone else (dev 30 conversations, the
profiles as enrolled: 11 of 22 pairs of a weak profile with its reader's label at 5.5-10, every other person's label
under 3.9 at every cut length from 1.5 to 6 s), so never naming from one threw away clear matches. What is known of
the profile decides how clear: its length. Other people's labels against weak profiles of 2-4.5 s (both benches, the
enrolments cut to 2-4.5 s, 30 conversations and the 10 growth conversations' two meetings): 5.46 (2 s) and 5.28
(2.5 s) with no other profile ahead, a stranger at 4.96 (2.5 s); a name from 4.5 or 5.0 went wrong at 2 and 2.5 s,
none from 5.5. The reader's look-alike reached 6.08-6.51 with profiles of 4-4.5 s, and 6.35 with the look-alike's
full 7.1 s profile, kept out only by the reader's own profile ahead (the margin); an accepted profile names such a
stranger too. Neither the cohort's scores of the profile (each cohort voice against it, the cohort without it: the
highest of them against the highest other person's label, correlation -0.08 over 208 cut profiles) nor the lead
over the runner-up (strangers 2-5 ahead) told which weak profile draws other people. So a weak profile of
BRIEF_ENROLMENT_S s or more names from Z_NAMED_WEAK = 6.0 (as a single piece does: Z_SHORT_FUSED), 0.54 over
the highest other person with no profile ahead, all other gates as for any profile; under it, as before, at most a
proposal (other people reached 6.35 at 1 s, 5.72 at 1.5 s). Dev, the profiles as enrolled: 30 conversations named
45 -> 53 of 82, growth bench both meetings 34 -> 37 of 58; cut to 2/2.5/3/3.5/4/4.5 s 0 -> 6/8/10/12/12/13 of 82
and 0 -> 4/8/14/15/16/16 of 58; 0 wrong names and no stranger named at any length (at 5.0: 1 wrong at 2 and 2.5 s).
Telephone lines: the bench enrols every other reader by id; enrolling the other half instead (the same
conversations, other pairs of profile and stranger) and running the growth bench's meetings in both orders, a
stranger was named on telephone recordings at 3.26 (as enrolled), 3.45 and 3.48 (after growth from the same
line: a profile grown from a telephone meeting learns that line, and others on it come closer). Other people's
labels reached 3.70 on a line with no own profile ahead (a stranger) and 3.77-3.98 behind their own profile, in
rooms 3.15 and less, save two readers who sound like an enrolled one (3.52-4.10 and 4.37-6.35, as high as the
readers' own scores: no threshold parts them). So a meeting whose speech came through a telephone band
(`diarize.channel.band_limited`, measured on the recording) names only from Z_NAMED_LINE = 4.0, 0.30 over that
stranger; below it "Anna?". Dev, both halves enrolled, one meeting (30 conversations) and growth (10, both
orders): wrong names 7 -> 2 (the look-alikes), named 294 -> 286 (3.5: 291 and 3.75: 289, too close to 3.70).
Speech heard over a line counts towards naming over a line only (`profiles.voice_seconds`): a weak profile of
2.5 s grown from 27.5 s of a telephone meeting would otherwise have named in rooms with its 2.5 s voice.
Strangers in rotation (`bench.profile_strangers`: the dev readers enrolled by halves over 12 seeds, the one-meeting
and growth conversations, 1546 stranger labels): 11 named, all from three pairs of a reader and a look-alike (3.52-6.35,
as high as the enrolled readers' own scores); their runner-up profile, their pieces' agreement, the profile's nearest
other profile or cohort voice and the cohort's nearness to their pieces lay inside the right names' range, so no
gate parts them; a bar of 4.0 would keep 7 of the 11 out at 103 of 947 names. Stranger tail p99 3.98, p99.5 4.78.
A word or two: with every dev enrolment cut to its first 1 s of speech, other people's labels reached 4.25 in 4 of
15,240 pairs (highest 5.19), as with 1.5 s (4, 5.72) and 2 s (4); the readers' own in 47 of 254. Proposing from
0.9 s instead of refusing changed nothing on dev (its three readers of 0.9-1.3 s reached 3.94 at most), and on the
held-out readers gave one wrong proposal and a stranger proposed at 5.38, no right one: MIN_VOICE_S stays 1.5 s.
Synthetic espeak-ng voices are far more alike than people, so on the sample meetings strangers
can score above the thresholds; real enrolments are what these numbers are for.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
from scipy.optimize import linear_sum_assignment

from transcribe.speakers.agreement import AGREE, MIN_COVERAGE, SPLIT_COS, agrees, split_cosine, support
from transcribe.speakers.backend import Backend
from transcribe.speakers.backend import load as load_backend
from transcribe.speakers.cohort import cohort as shipped_cohort
from transcribe.speakers.profiles import (
    GE2E,
    MIN_ENROLMENT_S,
    MIN_VOICE_S,
    Profile,
    ProfileDirectory,
    brief_enrolment,
    normalise_rows,
    thin,
    voice_seconds,
)
from transcribe.speakers.scoring import Scores, channels, closest_channel, s_norm, unit_vectors

if TYPE_CHECKING:
    from transcribe.diarize.base import Diarization

# Chosen on 30 dev conversations (`python -m transcribe.bench.profiles_real --count 30 --sweep`), see above.
# Cosines are through the shipped back-end (`backend.py`); raw GE2E cosines need ~0.78 instead.
T_NAMED = 0.36  # a label's pieces: their QUANTILE cosine with the profile's closest channel
T_PROPOSED = 0.36
MARGIN = 0.03  # over the runner-up profile, in cosine
Z_NAMED = 3.25  # the same, normalised against the cohort (adaptive s-norm)
T_NAMED_RAW, Z_NAMED_RAW = 0.78, 3.0  # without a back-end (file missing, another encoder): raw GE2E cosines
Z_PROPOSED = 2.0
COHORT_TOP = 20  # adaptive s-norm: the piece's / profile's closest cohort voices
QUANTILE = 0.3  # a label's score is this quantile of its pieces' scores: most of its speech must agree
# Raw cosines: a normalised score this high names a label a cosine step under T_NAMED_RAW, or without
# the cosine margin, if it leads the runner-up profile's normalised score by STRONG_GAP (see above).
Z_STRONG_RAW = 4.0
STRONG_SLACK, STRONG_GAP = 0.03, 1.0
# The product's scoring: normalised scores on raw cosines and through the back-end, averaged (FUSE_RAW:
# the raw view's weight); a name needs Z_NAMED_FUSED, the raw cosine T_NAMED_FUSED, and the runner-up
# profile's fused score Z_MARGIN_FUSED lower (no cosine margin, no strong-score rule: see above).
FUSED = "fused"
FUSE_RAW = 0.5
T_NAMED_FUSED, Z_NAMED_FUSED, Z_MARGIN_FUSED = 0.72, 3.25, 1.0
Z_PROPOSED_FUSED = 3.0  # a proposal ("Anna?") needs this fused score (see "Proposals" above)
MIN_PIECES = 2  # fewer pieces of speech (`evidence.PIECE_S` s each): at most a proposal ...
Z_SHORT_FUSED = 6.0  # ... unless the fused score reaches this (no other person's piece came near: see above)
# A profile enrolled from under THIN_ENROLMENT_S s of speech (`profiles.thin`: a few words) is a blurred
# voice: a name from it needs Z_NAMED_THIN (fused scores; see "Thin enrolments" above).
Z_NAMED_THIN = 3.75
# ... and one of under BRIEF_ENROLMENT_S s (a word or two) Z_NAMED_BRIEF for a name, Z_PROPOSED_BRIEF for
# a proposal (see "Brief enrolments" above).
Z_NAMED_BRIEF, Z_PROPOSED_BRIEF = 4.25, 3.5
# A weak profile (under `profiles.MIN_ENROLMENT_S` s of speech) proposes only from this fused score, and names
# only from Z_NAMED_WEAK and only when it holds BRIEF_ENROLMENT_S s or more (see "Weak enrolments" above).
Z_PROPOSED_WEAK = 4.25
Z_NAMED_WEAK = 6.0
# A meeting heard through a telephone band (`diarize.channel.band_limited`) names only from this fused score: over
# a line other people come closer (see "Telephone lines" above).
Z_NAMED_LINE = 4.0

Status = Literal["named", "proposed", "anonymous"]


@dataclass(frozen=True)
class Match:
    name: str | None
    score: float  # cosine similarity (shown to reviewers as "likhet")
    status: Status
    norm: float | None = None  # the score normalised against the cohort; None without a cohort
    pieces: int = 0  # how many pieces of speech stand behind it (0: the label's centroid only)


def score_labels(labels: list[str], vectors: Mapping[str, np.ndarray], profiles: list[Profile],
                 pieces: Mapping[str, np.ndarray] | None = None, cohort: np.ndarray | None = None,
                 quantile: float = QUANTILE, top: int = COHORT_TOP,
                 backend: Backend | bool | str = False) -> Scores:  # fmt: skip
    """Scores of every label against every profile (see the module docstring)."""
    raw = np.full((len(labels), len(profiles)), -1.0)
    dim = len(next(iter(vectors.values()))) if vectors else 0
    # A cohort of another encoder's size says nothing about these vectors: the raw thresholds decide.
    usable = cohort is not None and len(cohort) and cohort.shape[2] == dim
    norm = np.full_like(raw, -np.inf) if usable else None
    counts = np.zeros(len(labels), dtype=int)
    shares = np.zeros_like(raw) if norm is not None else None
    split = np.ones(len(labels))
    for i, label in enumerate(labels):
        evidence = (pieces or {}).get(label)
        if evidence is not None and len(evidence):
            evidence = normalise_rows(evidence)
            counts[i] = len(evidence)
        else:
            evidence = vectors[label][None]
        split[i] = split_cosine(evidence)
        per_piece, z = piece_scores(evidence, profiles, cohort if usable else None, top, backend)
        raw[i] = np.quantile(per_piece, quantile, axis=0)
        if norm is not None and z is not None:
            norm[i] = np.where(per_piece.min(axis=0) > -1, np.quantile(z, quantile, axis=0), -np.inf)
        if shares is not None and z is not None:
            shares[i] = support(z)
    return Scores(raw, norm, counts, shares, split)


def piece_scores(evidence: np.ndarray, profiles: list[Profile], cohort: np.ndarray | None = None,
                 top: int = COHORT_TOP, backend: Backend | bool | str = False
                 ) -> tuple[np.ndarray, np.ndarray | None]:  # fmt: skip
    """(cosine, normalised) of each unit-length piece against each profile, both (pieces, profiles);
    the normalised scores are None without a cohort of the pieces' size. `backend`: True for the
    shipped one (`backend.py`), False for raw GE2E cosines, or a given one; pieces, profiles and
    cohort are all compared in its space."""
    if backend == FUSED:  # both views, their normalised scores averaged; cosines as recorded
        raw, z = piece_scores(evidence, profiles, cohort, top, False)
        _, z_backend = piece_scores(evidence, profiles, cohort, top, True)
        return raw, None if z is None or z_backend is None else FUSE_RAW * z + (1 - FUSE_RAW) * z_backend
    b = _backend(backend, evidence.shape[1])
    heard = [channels(p, evidence.shape[1]) for p in profiles]
    usable = cohort is not None and len(cohort) and evidence.shape[1] == cohort.shape[2]
    if b is not None:  # LDA may keep fewer directions: sizes are checked before projecting
        evidence, heard = b.project(evidence), [b.project(h) if len(h) else h for h in heard]
    raw = closest_channel(evidence, heard)
    if not usable:
        return raw, None
    return raw, s_norm(raw, evidence, heard, cohort if b is None else b.project(cohort), top)


def _space(backend: Backend | bool | str, dim: int, cohort: np.ndarray) -> str:
    """Whose thresholds apply: "fused", "backend" or "raw". Fused scoring needs the shipped back-end
    and a cohort of the vectors' size; without either it is raw cosines."""
    if backend == FUSED:
        usable = len(cohort) and cohort.shape[2] == dim
        return "fused" if usable and _backend(True, dim) is not None else "raw"
    return "raw" if _backend(backend, dim) is None else "backend"


def _backend(backend: Backend | bool | str, dim: int) -> Backend | None:
    if backend == FUSED:
        return None  # cosines as recorded: the raw thresholds
    b = load_backend() if backend is True else backend or None
    return b if b is not None and b.dim == dim else None


def score_matrix(labels: list[str], vectors: Mapping[str, np.ndarray], profiles: list[Profile]) -> np.ndarray:
    """Cosine of each label's centroid with the profile's closest channel variant; -1 where sizes differ."""
    return score_labels(labels, vectors, profiles).raw


def _status(score: float, runner_up: float, t_named: float, t_proposed: float, margin: float) -> Status:
    if score >= t_named and score - runner_up >= margin:
        return "named"
    if score >= t_proposed:
        return "proposed"
    return "anonymous"


def match_speakers(
    source: Diarization | Mapping[str, np.ndarray],
    directory: ProfileDirectory | list[Profile],
    *,
    encoder: str = GE2E,
    pieces: Mapping[str, np.ndarray] | None = None,
    cohort: np.ndarray | None = None,
    t_named: float | None = None,
    t_proposed: float | None = None,
    margin: float | None = None,
    z_named: float | None = None,
    z_proposed: float | None = None,
    min_pieces: int = MIN_PIECES,
    z_short: float | None = None,
    quantile: float = QUANTILE,
    top: int = COHORT_TOP,
    backend: Backend | bool | str = FUSED,
    agree: float = AGREE,
    split_cos: float = SPLIT_COS,
    z_strong: float | None = None,
    coverage: Mapping[str, float] | None = None,
    min_coverage: float = MIN_COVERAGE,
    z_margin: float | None = None,
    z_thin: float | None = None,
    brief: tuple[float, float] | None = None,
    min_enrolment: float = MIN_ENROLMENT_S,
    z_weak: float = Z_PROPOSED_WEAK,
    z_weak_named: float | None = None,
    line: bool = False,
    z_line: float | None = None,
) -> dict[str, Match]:
    """{label: Match} for every label with an embedding; profiles of another encoder are ignored.

    `pieces`: {label: (n, dim)} embeddings of pieces of its speech (`evidence.label_pieces`);
    without them a label is its centroid, one piece. `cohort`: (speakers, channels, dim) impostor
    voices, by default the shipped one (`cohort.py`); an empty one leaves the raw thresholds alone.
    Thresholds left None are those of the scoring space: through the back-end, or raw cosines.
    `agree` / `split_cos`: how far a named label's pieces must agree on one voice (0 / -1: not checked).
    `z_strong`: the normalised score that stands in for the cosine (None: Z_STRONG_RAW on raw
    cosines, not used through the back-end; math.inf: not used). `z_short`: the normalised score that
    names a label of fewer than `min_pieces` pieces (None: Z_SHORT_FUSED on fused scores, else not used).
    `coverage`: {label: share of its
    speech its pieces hold} (`evidence.coverage`); under `min_coverage` a label is at most proposed.
    `z_thin`: the normalised score a name needs from a profile of under THIN_ENROLMENT_S s of speech
    (None: Z_NAMED_THIN on fused scores, else not used). `brief`: (name, proposal) scores a profile of
    under BRIEF_ENROLMENT_S s needs (None: Z_NAMED_BRIEF / Z_PROPOSED_BRIEF on fused scores, else not used).
    `min_enrolment`: a profile of less speech is weak (`profiles.weak`): it names only from the normalised score
    `z_weak_named` (None: Z_NAMED_WEAK on fused scores, else never) and never under BRIEF_ENROLMENT_S s, and proposes
    only from `z_weak` (min_enrolment 0: not checked). `line`: the meeting's speech came through a telephone band;
    a name then needs the normalised score `z_line` (None: Z_NAMED_LINE on fused scores, else not used).
    """
    cohort = shipped_cohort() if cohort is None else cohort
    vectors = unit_vectors(source)
    space = _space(backend, len(next(iter(vectors.values()))) if vectors else 0, cohort)
    backend = False if space == "raw" and backend == FUSED else backend
    defaults = {"raw": (T_NAMED_RAW, T_NAMED_RAW, Z_NAMED_RAW, Z_PROPOSED, MARGIN, 0.0, Z_STRONG_RAW),
                "backend": (T_NAMED, T_PROPOSED, Z_NAMED, Z_PROPOSED, MARGIN, 0.0, math.inf),
                "fused": (T_NAMED_FUSED, T_NAMED_FUSED, Z_NAMED_FUSED, Z_PROPOSED_FUSED, 0.0, Z_MARGIN_FUSED,
                          math.inf)}[space]  # fmt: skip
    given = (t_named, t_proposed, z_named, z_proposed, margin, z_margin, z_strong)
    t_named, t_proposed, z_named, z_proposed, margin, z_margin, z_strong = (
        d if v is None else v for v, d in zip(given, defaults, strict=True))  # fmt: skip
    z_short = (Z_SHORT_FUSED if space == "fused" else math.inf) if z_short is None else z_short
    z_thin = (Z_NAMED_THIN if space == "fused" else -math.inf) if z_thin is None else z_thin
    brief = ((Z_NAMED_BRIEF, Z_PROPOSED_BRIEF) if space == "fused" else (-math.inf,) * 2) if brief is None else brief
    z_weak_named = (Z_NAMED_WEAK if space == "fused" else math.inf) if z_weak_named is None else z_weak_named
    z_line = (Z_NAMED_LINE if space == "fused" and line else -math.inf) if z_line is None or not line else z_line
    labels = sorted(vectors)
    profiles = directory.list(encoder) if isinstance(directory, ProfileDirectory) else [
        p for p in directory if p.encoder == encoder and p.embeddings]  # fmt: skip
    result = {label: Match(None, 0.0, "anonymous") for label in labels}
    if not labels or not profiles:
        return result
    sc = score_labels(labels, vectors, profiles, pieces, cohort, quantile, top, backend)
    # Pairing by the normalised score where there is one: it ranks a label's candidates fairly.
    order = sc.raw if sc.norm is None else np.where(np.isfinite(sc.norm), sc.norm, -1e6)
    rows, cols = linear_sum_assignment(order, maximize=True)
    assigned = dict(zip(rows.tolist(), cols.tolist(), strict=True))
    for i, label in enumerate(labels):
        row = sc.raw[i]
        j = assigned.get(i)
        z = None if sc.norm is None else float(sc.norm[i, j if j is not None else int(np.argmax(order[i]))])
        if j is None:  # more labels than profiles: at most a proposal for the best one
            j = int(np.argmax(order[i]))
            status: Status = "proposed" if row[j] >= t_proposed and (z is None or z >= z_proposed) else "anonymous"
            if z is not None and z < brief[1] and brief_enrolment(profiles[j], line):
                status = "anonymous"
            heard = voice_seconds(profiles[j], line)  # the speech behind the voice as this meeting hears it
            if 0 < heard < min_enrolment and (z is None or z < z_weak or heard < MIN_VOICE_S):
                status = "anonymous"
        else:
            others = np.delete(row, j)
            status = _status(float(row[j]), float(others.max()) if others.size else -1.0, t_named, t_proposed, margin)
            if status != "named" and z is not None and z >= z_strong:
                z_others = np.delete(order[i], j)
                if row[j] >= t_named - STRONG_SLACK and z - (z_others.max() if z_others.size else -1e6) >= STRONG_GAP:
                    status = "named"
            if z is not None and status == "named" and z < z_named:
                status = "proposed"
            if z is not None and status == "named" and z - _runner_up(order[i], j) < z_margin:
                status = "proposed"  # another profile's normalised score too close
            if z is not None and status == "named" and z < z_thin and thin(profiles[j], line):
                status = "proposed"  # a profile of a few words: only a clearer score names
            if z is not None and status == "named" and z < brief[0] and brief_enrolment(profiles[j], line):
                status = "proposed"
            if z is not None and status == "named" and z < z_line:
                status = "proposed"  # over a telephone line voices sound alike: only a clearer score names
            heard = voice_seconds(profiles[j], line)
            if 0 < heard < min_enrolment:  # weak: a name only on a score no other person came near
                clear = z is not None and z >= z_weak_named and not brief_enrolment(profiles[j], line)
                status = "proposed" if status == "named" and not clear else status
                status = "anonymous" if z is not None and status == "proposed" and z < z_weak else status
                status = "anonymous" if heard < MIN_VOICE_S else status  # a word or two: nothing
            if z is not None and status == "proposed" and z < z_proposed:
                status = "anonymous"
            if z is not None and status == "proposed" and z < brief[1] and brief_enrolment(profiles[j], line):
                status = "anonymous"
            if status == "named" and 0 < sc.pieces[i] < min_pieces and (z is None or z < z_short):
                status = "proposed"  # too little speech to be sure: the reviewer decides
            share = None if sc.support is None else float(sc.support[i, j])
            if status == "named" and sc.split is not None and not agrees(share, float(sc.split[i]), agree, split_cos):
                status = "proposed"  # two voices in one label: the reviewer splits or confirms
            if status == "named" and coverage is not None and coverage.get(label, 1.0) < min_coverage:
                status = "proposed"  # the pieces judged hold too little of what the label says
        result[label] = Match(profiles[j].name if status != "anonymous" else None, round(float(row[j]), 4), status,
                              None if z is None else round(z, 3), int(sc.pieces[i]))  # fmt: skip
    return _second_labels(result, labels, sc, order, profiles, t_named, z_named)


def _runner_up(row: np.ndarray, j: int) -> float:
    others = np.delete(row, j)
    return float(others.max()) if others.size else -1e6


def _second_labels(result: dict[str, Match], labels: list[str], sc: Scores, order: np.ndarray,
                   profiles: list[Profile], t_named: float, z_named: float) -> dict[str, Match]:  # fmt: skip
    """A label left anonymous whose best profile names another label of the meeting, and which
    matches it as well as a name needs: the same person diarised twice, proposed ("Anna?") so the
    reviewer can merge the two; never a name, as one profile names one label."""
    named = {m.name for m in result.values() if m.status == "named"}
    for i, label in enumerate(labels):
        k = int(np.argmax(order[i]))
        z = None if sc.norm is None else float(sc.norm[i, k])
        if (result[label].status == "anonymous" and profiles[k].name in named and sc.raw[i, k] >= t_named
                and (z is None or z >= z_named)):  # fmt: skip
            result[label] = Match(profiles[k].name, round(float(sc.raw[i, k]), 4), "proposed",
                                  None if z is None else round(z, 3), int(sc.pieces[i]))  # fmt: skip
    return result
