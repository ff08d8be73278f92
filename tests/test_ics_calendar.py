"""The calendar itself, read back by three independent parsers: dates, alarms, categories, UIDs, bytes."""

import io
from datetime import date, datetime, timedelta

import icalendar
import pytest
import recurring_ical_events
import vobject
from helpers import household, kena_line, restarted, rome
from hypothesis import example, given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from kenactl import ics
from kenactl.core import dates, restart
from kenactl.core.model import Profile, UsageSample
from kenactl.core.record import replace
from kenactl.core.reminders import KINDS, calendar_items
from kenactl.derived import derived_profile
from kenactl.errors import InputError
from kenactl.knowledge import charters, operators

RULES = {name: operators.load(name).validity for name in ("kena", "tim")}
KNOWLEDGE = {"validity": RULES, "features": {name: operators.load(name).features for name in ("kena", "tim")},
             "charters": charters.editions()}
NOW = rome(2026, 11, 21, 9, 0)


def export(profile: Profile, now: datetime = NOW, months: int = 12, alarms: tuple[int, ...] = (2,)) -> bytes:
    return ics.calendar_bytes(profile, calendar_items(profile, now, months=months, **KNOWLEDGE), alarms)


def single(line, updated_at=NOW) -> Profile:
    return Profile(lines={line.name: line}, default_line=line.name, updated_at=updated_at)


def vevents(data: bytes):
    return vobject.readOne(data.decode("utf-8"), validate=True).vevent_list


def by_kind(data: bytes, kind: str):
    return [event for event in vevents(data) if event.categories.value == [kind]]


def with_topup(profile: Profile, name: str, day: date) -> Profile:
    return profile.with_line(replace(profile.line(name), last_topup=day))


@pytest.mark.parametrize("day", [28, 29, 30, 31])
def test_renewal_days_over_24_months_in_three_parsers(day):
    data = export(single(kena_line(renewal_day=day)), rome(2027, 12, 20, 9, 0), months=24)
    expected = []
    for offset in range(24):
        year, month = dates.shift_month(2027, 12, offset)
        expected.append(dates.clamp_day(year, month, day))
    # vobject, validating
    seen = [event.dtstart.value for event in by_kind(data, "RENEWAL")]
    assert seen == expected
    assert all(event.dtend.value == event.dtstart.value + timedelta(days=1) for event in by_kind(data, "RENEWAL"))
    # Home Assistant's strict parser
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    assert sorted(event.dtstart for event in strict.events if event.categories == ["RENEWAL"]) == expected
    assert all(event.dtend - event.dtstart == timedelta(days=1) for event in strict.events)
    # recurring-ical-events expands nothing: one VEVENT per renewal, no rules
    found = recurring_ical_events.of(icalendar.Calendar.from_ical(data)).between(date(2027, 12, 1), date(2030, 1, 1))
    assert sorted(event.start for event in found if event.categories == ["RENEWAL"]) == expected
    assert b"RRULE" not in data and b"BYMONTHDAY" not in data
    assert b"DTSTART;VALUE=DATE:" in data
    february = {renewal.month: renewal for renewal in expected if renewal.month in (2, 3)}
    if day >= 29:
        assert date(2028, 2, 29) in expected and date(2029, 2, 28) in expected
    else:
        assert date(2028, 2, 28) in expected
    assert february[3].day == day  # back to the renewal day after the short month


def test_renewal_alarms_two_days_before_at_nine_by_default():
    data = export(single(kena_line(renewal_day=15)), months=3)
    assert data.count(b"TRIGGER:-P1DT15H\r\n") == 3
    for event in by_kind(data, "RENEWAL"):
        alarms = event.contents["valarm"]
        assert len(alarms) == 1
        alarm = alarms[0]
        assert alarm.action.value == "DISPLAY" and alarm.description.value
        trigger = alarm.trigger.value
        assert isinstance(trigger, timedelta)  # relative, not an absolute moment
        rings = datetime.combine(event.dtstart.value, datetime.min.time()) + trigger
        assert (rings.date(), rings.hour, rings.minute) == (event.dtstart.value - timedelta(days=2), 9, 0)


def test_several_alarms_always_at_nine():
    data = export(single(kena_line(renewal_day=15)), months=2, alarms=dates.alarm_days(["1d", "3d", "72h"]))
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    for event in strict.events:
        triggers = sorted(alarm.trigger for alarm in event.alarm)
        assert triggers == [timedelta(days=-3, hours=9), timedelta(days=-1, hours=9)]
    assert b"TRIGGER:-P2DT15H\r\n" in data and b"TRIGGER:-PT15H\r\n" in data


def test_alarm_days_parsing():
    assert dates.alarm_days(["2d"]) == (2,)
    assert dates.alarm_days(["1d", "1w", "48h", "2d"]) == (7, 2, 1)
    with pytest.raises(InputError, match="whole number of days"):
        dates.alarm_days(["12h"])
    with pytest.raises(InputError, match="not a duration"):
        dates.alarm_days(["tomorrow"])


def test_every_kind_present_with_its_category_and_stable_uid():
    profile = with_topup(household(), "main", date(2026, 1, 10))
    data = export(profile, months=3)
    events = vevents(data)
    assert {event.categories.value[0] for event in events} == set(KINDS)
    assert all(len(event.categories.value) == 1 for event in events)
    uids = [event.uid.value for event in events]
    assert len(uids) == len(set(uids))
    assert "renewal-main-2026-12@kenactl" in uids and "topup-nonna-2026-12@kenactl" in uids
    assert {"restart-main@kenactl", "sim-validity-main@kenactl", "complaint-main-1@kenactl"} <= set(uids)
    assert all(event.dtstamp.value == datetime(2026, 11, 20, 17, 30, tzinfo=dates.UTC) for event in events)


def test_topup_the_day_before_with_the_amount():
    data = export(household(), months=2)
    (topup,) = by_kind(data, "TOPUP")
    assert topup.dtstart.value == date(2026, 12, 4)
    assert topup.summary.value == "Top up nonna: at least 5.49 € by Sat 05 Dec 2026 00:00"
    assert topup.valarm.trigger.value == timedelta(hours=9)


def test_restart_is_a_timed_event_in_rome_with_a_vtimezone():
    profile = household()
    verdict = restart.check_restart(profile.line("main"), NOW)
    assert [check.id for check in verdict.failing] == ["cooldown"]
    data = export(profile, months=2)
    (event,) = by_kind(data, "RESTART")
    assert event.dtstart.value == verdict.eligible_from == rome(2026, 11, 24, 12, 0)
    assert b"DTSTART;TZID=Europe/Rome:20261124T120000\r\n" in data
    assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/Rome\r\n" in data
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    assert [tz.tz_id for tz in strict.timezones] == ["Europe/Rome"]
    assert b"news on Kena Restart\\, March 2024" in data.replace(b"\r\n ", b"")  # the rule is cited


def test_no_restart_event_when_another_rule_blocks():
    profile = household()
    main = profile.line("main")
    blocked = profile.with_line(replace(main, usage=main.usage[:1]))  # nothing used since the Restart
    assert by_kind(export(blocked, months=2), "RESTART") == []
    assert by_kind(export(single(kena_line(operator="kena")), months=2), "RESTART") == []


@pytest.mark.parametrize(("renewal_day", "announced"), [(25, False), (26, False), (27, True)])
def test_no_restart_event_at_a_renewal(renewal_day, announced):
    """The cooldown clears on 24 Nov 12:00: 12 h, 36 h or 60 h before the renewal. Only the last leaves
    the 48 h the renewal window needs; otherwise the renewal resets the counters and the usage rule
    is not met by waiting, so there is nothing to announce."""
    profile = household()
    main = profile.line("main")
    moved = profile.with_line(replace(main, renewal_day=renewal_day))
    events = by_kind(export(moved, months=2), "RESTART")
    assert [event.dtstart.value for event in events] == ([rome(2026, 11, 24, 12, 0)] if announced else [])


def test_sim_validity_warning_thirty_days_before_with_source():
    data = export(with_topup(household(), "main", date(2026, 1, 10)), months=3)
    (event,) = by_kind(data, "SIM-VALIDITY")
    assert event.dtstart.value == date(2027, 1, 10) - timedelta(days=30)
    assert "ends Sun 10 Jan 2027" in event.summary.value
    assert "Noverca S.r.l.) §10" in event.description.value and "verified" in event.description.value
    assert not by_kind(export(household(), months=3), "SIM-VALIDITY")  # no top-up date: nothing to say


def test_lines_are_crlf_and_folded_at_75_octets_without_splitting_characters():
    data = export(with_topup(household(), "main", date(2026, 1, 10)))
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(len(line) >= 74 for line in lines)  # folding did happen
    for line in lines:
        line.decode("utf-8")  # each physical line is whole UTF-8: no character cut in two
    text = icalendar.Calendar.from_ical(data)
    summaries = [str(event["SUMMARY"]) for event in text.walk("VEVENT")]
    assert "Renewal main: Kena 5,99 Più, 5.99 €" in summaries
    (complaint,) = [event for event in text.walk("VEVENT") if event["UID"] == "complaint-main-1@kenactl"]
    assert "Giga non accreditati — 5 €" in str(complaint["DESCRIPTION"])


def test_calendar_header():
    data = export(household(), months=1)
    head = data.split(b"BEGIN:V", 2)[1]
    for needle in (b"VERSION:2.0\r\n", b"PRODID:-//kenactl//kenactl ", b"NAME:kenactl\r\n",
                   b"X-WR-CALNAME:kenactl\r\n"):
        assert needle in head
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")


def test_same_data_same_bytes_whatever_the_wall_clock():
    profile = household()
    first = export(profile, rome(2026, 11, 21, 9, 0))
    assert export(profile, rome(2026, 11, 21, 9, 0)) == first
    assert export(profile, rome(2026, 11, 22, 23, 59)) == first  # nothing passed in between: same file
    assert export(profile, rome(2026, 11, 25, 9, 0)) != first  # the Restart moment has passed


def test_dtstamp_without_updated_at_comes_from_the_data():
    profile = replace(household(), updated_at=None)
    assert ics.stamp(profile) == rome(2026, 11, 10, 13, 0).astimezone(dates.UTC)  # the latest usage sample
    assert export(profile) == export(profile)
    bare = single(kena_line(), updated_at=None)
    assert ics.stamp(bare) == ics.FALLBACK_STAMP


def test_uids_stay_and_sequence_grows_across_a_restart():
    before_at = rome(2027, 3, 8, 9, 0)
    line = kena_line(renewal_day=15, credit="30.00", usage=(UsageSample(at=rome(2027, 3, 1, 9, 0), data=85_000),))
    before = export(single(line, updated_at=before_at), before_at, months=3)
    old = {event.uid.value: event for event in by_kind(before, "RENEWAL")}
    assert {uid: event.dtstart.value for uid, event in old.items()} == {
        "renewal-main-2027-03@kenactl": date(2027, 3, 15), "renewal-main-2027-04@kenactl": date(2027, 4, 15),
        "renewal-main-2027-05@kenactl": date(2027, 5, 15)}
    assert {event.sequence.value for event in old.values()} == {"0"}

    moment = rome(2027, 3, 10, 12, 0)
    after_at = rome(2027, 3, 11, 9, 0)
    moved = single(restart.apply_restart(line, moment), updated_at=moment)
    after = {event.uid.value: event for event in by_kind(export(moved, after_at, months=3), "RENEWAL")}
    assert set(old) <= set(after)  # the same UIDs: a re-import updates instead of duplicating
    assert after["renewal-main-2027-04@kenactl"].dtstart.value == date(2027, 4, 10)
    assert after["renewal-main-2027-05@kenactl"].dtstart.value == date(2027, 5, 10)
    for uid in ("renewal-main-2027-04@kenactl", "renewal-main-2027-05@kenactl"):
        assert int(after[uid].sequence.value) == int(old[uid].sequence.value) + 1
        assert after[uid].dtstamp.value > old[uid].dtstamp.value
    replaced = after["renewal-main-2027-03@kenactl"]  # the 15 March renewal will not happen
    assert replaced.status.value == "CANCELLED" and replaced.sequence.value == "1"
    assert "valarm" not in replaced.contents
    assert after["renewal-main-2027-06@kenactl"].sequence.value == "1"


def test_restart_in_the_repeated_autumn_hour_cancels_the_old_renewal_at_once():
    moment = dates.parse_moment("2026-10-25T02:30+02:00")  # Restart on the 25th; the 28th renewal will not happen
    line = restarted(kena_line(renewal_day=28), moment)
    now = dates.parse_moment("2026-10-25T02:20+01:00")  # 50 min later, in the repeated hour
    profile, states = derived_profile(single(line), now, None)  # the ledger moves the renewal day to the 25th
    items = {"-".join(item.key): item for item in calendar_items(profile, now, months=2, states=states, **KNOWLEDGE)}
    replaced = items["renewal-main-2026-10"]
    assert replaced.cancelled and replaced.start == date(2026, 10, 28) and replaced.sequence == 1


def test_vobject_round_trip_is_lossless_for_text():
    data = export(household(), months=2)
    parsed = vobject.readOne(io.StringIO(data.decode("utf-8")), validate=True)
    assert parsed.serialize().count("BEGIN:VEVENT") == data.count(b"BEGIN:VEVENT")


OFFER_TEXT = st.text(st.characters(whitelist_categories=("L", "M", "N", "P", "S", "Zs")), min_size=1, max_size=90)


@settings(max_examples=60, deadline=None)
@given(offer=OFFER_TEXT, day=st.integers(1, 31), start=st.dates(date(2026, 1, 1), date(2030, 12, 31)))
@example(offer="\\N", day=1, start=date(2026, 1, 1))  # icalendar's own escaping turns a literal \N into a newline
@example(offer="Kena\\n; 5,99", day=31, start=date(2026, 1, 1))
def test_any_offer_name_survives_folding(offer, day, start):
    line = replace(kena_line(renewal_day=day), offer=offer)
    data = export(single(line), rome(start.year, start.month, start.day, 9, 0), months=2)
    assert b"\n" not in data.replace(b"\r\n", b"")
    for physical in data.split(b"\r\n"):
        assert len(physical) <= 75
        physical.decode("utf-8")
    events = by_kind(data, "RENEWAL")
    assert [event.summary.value for event in events] == [f"Renewal main: {offer}, 5.99 €"] * 2
    assert export(single(line), rome(start.year, start.month, start.day, 9, 0), months=2) == data
