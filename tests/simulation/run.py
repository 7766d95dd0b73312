# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# The simulation's driver, not addon code: it prints its report and commits each simulated
# day (its checkpoints).
# pylint: disable=print-used,invalid-commit
"""The simulation's driver: ``python3 -m simulation.run`` (from tests/),
called by ``bin/simulate``. One hourly tick after the other: the world's
acts due, the suite's scheduled actions due (each at its own interval),
the agents' hour of work; each simulated day ends with the invariants."""

import argparse
import glob
import hashlib
import logging
import os
import pickle
import subprocess
import sys
from datetime import date, datetime, timedelta

from . import install, invariants
from . import world as world_mod
from .clock import SimClock

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# Promises known to be broken, with the reason, printed "broken (known: …)"
# and not failing the run (reported to the lead, issue #30). Every other
# promise must hold.
KNOWN_BROKEN = {}
# the exit code of a run stopped by --interrupt-after (to be resumed)
INTERRUPTED = 3
# the options that make a run: a resumed run must have the same
RUN_OPTIONS = ("seed", "customers", "months", "days", "start", "stop_rate")
agents = observe = None


class ErrorCounter(logging.Handler):
    """Counts the ERROR (and worse) records of the log, keeps the first."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)


class Simulation:
    def __init__(self, args):
        import random  # noqa: PLC0415

        self.args = args
        self.seed = args.seed
        self.rng = random.Random(args.seed)
        self.start = args.start
        self.clock = SimClock(datetime.combine(self.start - timedelta(days=1), datetime.min.time()))
        self.world = world_mod.World(rng=self.rng)
        self.counts = self.world.counts
        self.notes = []
        self.results = {name: invariants.Result(name) for name in invariants.PROMISES}
        self.day_times = []
        self.day_cpu = []
        self.errors = ErrorCounter()
        self.unverified = set()

    # helpers for agents
    def count(self, key, n=1):
        self.world.count(key, n)

    def note(self, text):
        self.count("refusal/error notes")
        if len(self.notes) < 200:
            self.notes.append(f"{self.clock.now():%Y-%m-%d %H:%M} {text}")

    def advance(self, minutes):
        self.clock.move_to(self.clock.now() + timedelta(minutes=minutes))

    # ------------------------------------------------------------------
    def run(self):
        from odoo import SUPERUSER_ID, api  # noqa: PLC0415
        from odoo.modules.registry import Registry  # noqa: PLC0415

        args = self.args
        install.configure(args.db, REPO)
        global agents, observe  # noqa: PLW0603 - importable once the addons path is set
        from . import agents, observe  # noqa: PLC0415

        logging.getLogger().addHandler(self.errors)
        resumed = self.restore() if args.resume else None
        self.clock.start()
        try:
            if resumed:
                # the database as it was at the checkpoint (what the run did
                # after it is thrown away with the copy it worked on)
                _copy_database(resumed, args.db)
                registry = Registry(args.db)
            elif args.template:
                _copy_database(args.template, args.db)
                registry = Registry(args.db)
            else:
                registry = install.create_database(args.db)
            if args.install_only:
                return 0
            self.registry = registry
            with registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                if resumed:
                    self.world.rebind(env)
                    # the scheduled actions of the addons installed now, as
                    # the code resuming reads them (a run resumed with newer
                    # code, or after an addon came, runs them all: the fourth
                    # round's full run, started before the report cut's cron
                    # was listed, had never sent its quarterly report)
                    self.cron_ids = observe.suite_crons(env)
                else:
                    world_mod.set_up(self.world, env, args.customers)
                    self.company_ids = [c.id for c in self.world.companies]
                    self.cron_ids = observe.suite_crons(env)
            end = (
                self.start + timedelta(days=args.days)
                if args.days
                else _add_months(self.start, args.months)
            )
            self.end = end
            day = self.day if resumed else self.start
            simulated = 0
            while day < end:
                if args.interrupt_after and simulated == args.interrupt_after:
                    print(f"interrupted before {day} (--interrupt-after)", flush=True)
                    return INTERRUPTED
                simulated += 1
                started = os.times()  # freezegun freezes time.*, not os.times
                self.simulate_day(registry, day)
                ended = os.times()
                self.day_times.append(ended.elapsed - started.elapsed)
                # this process's CPU (the machine may be shared; PostgreSQL's own is not in it)
                self.day_cpu.append(ended.user + ended.system - started.user - started.system)
                day += timedelta(days=1)
                if args.progress:
                    self.progress(day)
                every = args.checkpoint_every
                if every and day < end and (day - self.start).days % every == 0:
                    self.checkpoint(day)
            self.check_end(registry, end)
            self.drop_checkpoints()
        finally:
            self.clock.stop()
            logging.getLogger().removeHandler(self.errors)
        return self.report()

    # ------------------------------------------------------------------
    # Checkpoint and resume (--checkpoint-every, --resume): a long run
    # outlives the process that started it. At the end of a simulated day
    # the database is copied (its state is all in PostgreSQL, committed) and
    # the simulation's own Python state (the world's agenda and memory, the
    # seeded random generator, the promises so far, the times) is pickled
    # beside it; a resumed run copies the database back and goes on from the
    # next day, as the unbroken run would (the same digest).
    # ------------------------------------------------------------------
    STATE = "seed start notes results day_times day_cpu unverified company_ids cron_ids".split()

    def checkpoint(self, day):
        """Copy the database and pickle the state: the run may go on from
        ``day`` (the next day to simulate) with ``--resume``."""
        from odoo import sql_db  # noqa: PLC0415

        started = os.times()
        name = f"{self.args.db}_ck{(day - self.start).days:03d}"
        # no connection may be open on a template: the pool's are closed
        # (the next cursors open new ones, as after any idle time)
        sql_db.close_db(self.args.db)
        _copy_database(self.args.db, name)
        state = {key: getattr(self, key) for key in self.STATE}
        state.update(
            version=1,
            db=self.args.db,
            copy=name,
            day=day,
            clock=self.clock.now(),
            rng=self.rng.getstate(),
            world=self.world.freeze(),
            argv=self.argv,
        )
        path = _checkpoint_path(self.args, name)
        with open(path + ".tmp", "wb") as handle:
            pickle.dump(state, handle)
        os.replace(path + ".tmp", path)
        # the checkpoints before this one are no longer needed
        self.drop_checkpoints(keep=path)
        ended = os.times()
        if self.args.progress:
            print(f"checkpoint {name}: {ended.elapsed - started.elapsed:.1f} s", flush=True)

    def drop_checkpoints(self, keep=None):
        """Drop the checkpoints of ``--db`` (database copy and state), but ``keep``."""
        for path in _checkpoints(self.args):
            if path != keep:
                subprocess.run(
                    ["dropdb", "--if-exists", os.path.basename(path)[: -len(".pickle")]],
                    check=True,
                )
                os.remove(path)

    def restore(self):
        """The state of the last checkpoint of ``--db`` (``--resume``);
        returns the name of its database copy."""
        paths = _checkpoints(self.args)
        if not paths:
            raise SystemExit(f"No checkpoint of {self.args.db} in {self.args.checkpoint_dir}")
        with open(paths[-1], "rb") as handle:
            state = pickle.load(handle)  # noqa: S301 - our own file, written by checkpoint()
        first = parse_args(state["argv"])
        for option in RUN_OPTIONS:
            if getattr(first, option) != getattr(self.args, option):
                raise SystemExit(
                    f"--resume: --{option.replace('_', '-')} was {getattr(first, option)!r} "
                    f"in the run of the checkpoint, {getattr(self.args, option)!r} now"
                )
        for key in self.STATE:
            setattr(self, key, state[key])
        self.rng.setstate(state["rng"])
        self.world.thaw(state["world"])
        self.counts = self.world.counts
        self.day = state["day"]
        self.clock = SimClock(state["clock"])
        print(f"resumed {self.args.db} from {state['copy']}: next day {self.day}", flush=True)
        return state["copy"]

    def env(self, cr):
        from odoo import SUPERUSER_ID, api  # noqa: PLC0415

        return api.Environment(cr, SUPERUSER_ID, {})

    def simulate_day(self, registry, day):
        midnight = datetime.combine(day, datetime.min.time())
        self.clock.move_to(midnight)
        world_mod.plan_day(self.world, day)
        for hour in range(24):
            tick = midnight + timedelta(hours=hour)
            if self.clock.now() < tick:
                self.clock.move_to(tick)
            self.world_and_crons(registry, tick + timedelta(minutes=59))
            with registry.cursor() as cr:
                env = self.env(cr)
                if hour % 6 == 0:
                    world_mod.answer_surveys(self.world, env, self.clock.now())
                shifts = []
                for company in env["res.company"].browse(self.company_ids):
                    if hour == 2:  # 10:00 in Shanghai, 03:00 in Paris: the leads' daily look
                        local_day = (tick + timedelta(hours=8)).date()
                        agents.lead_day(self, env, company, local_day)
                    workers = env["res.users"].browse(
                        [u.id for u in self.world.agents[company.id]]
                        + [self.world.leaders[company.id].id]
                    )
                    shifts += [
                        agents.work_hour(self, env, user, company)
                        for user in workers
                        if agents.working_now(
                            user, company, self.clock.now(), self.world.agents[company.id]
                        )
                    ]
                self.work_side_by_side(shifts)
        with registry.cursor() as cr:
            self.check_day(self.env(cr), day)

    def work_side_by_side(self, shifts):
        """The agents of the hour work at the same time, not one after the
        other: each ``shift`` (a generator of the minutes each step of its
        agent's work takes) makes one step per round, and the clock moves on
        by the longest step of the round. One after the other, five agents'
        hour took four hours of the simulated clock, and the world's acts and
        the scheduled actions of those hours came late (complaint #727: its
        first response posted at 08:08 for 05:58, when no breach was left to
        remind)."""
        while shifts:
            minutes, still = 0, []
            for shift in shifts:
                step = next(shift, None)
                if step is not None:
                    minutes = max(minutes, step)
                    still.append(shift)
            if minutes:
                self.advance(minutes)
            shifts = still

    def world_and_crons(self, registry, until):
        """The world's acts up to ``until``, and the scheduled actions at
        their own ``nextcall`` in between, as Odoo's scheduler runs them (the
        complaint reminders every 10 minutes, not once an hour)."""
        while True:
            moment = self.next_cron_call(registry)
            if moment is None or moment > until:
                break
            self.world_acts(registry, moment)
            if self.clock.now() < moment:
                self.clock.move_to(moment)
            if not self.run_crons(registry):
                break  # nothing was due after all: the clock is past the world's acts
        self.world_acts(registry, until)
        self.run_crons(registry)

    def next_cron_call(self, registry):
        with registry.cursor() as cr:
            env = self.env(cr)
            cron = env["ir.cron"].search(
                [("id", "in", self.cron_ids), ("active", "=", True)], order="nextcall", limit=1
            )
            return cron.nextcall or None

    def world_acts(self, registry, until):
        for moment, _seq, kind, payload in self.world.due(until):
            if self.clock.now() < moment:
                self.clock.move_to(moment)
            with registry.cursor() as cr:
                try:
                    with cr.savepoint():
                        world_mod.act(self.world, self.env(cr), moment, kind, payload)
                except Exception as error:  # noqa: BLE001 - the world goes on
                    self.note(f"world {kind}: {type(error).__name__}: {error}"[:300])

    def run_crons(self, registry):
        """The suite's scheduled actions whose ``nextcall`` has come, as
        Odoo's scheduler runs them (its own transaction, its interval)."""
        now = self.clock.now()
        with registry.cursor() as cr:
            env = self.env(cr)
            due = env["ir.cron"].search(
                [("id", "in", self.cron_ids), ("active", "=", True), ("nextcall", "<=", now)],
                order="priority, id",
            )
            for cron in due:
                cron.method_direct_trigger()
                self.count(f"cron {cron.code.split('.')[-1].split('(')[0]}")
                cr.commit()
            return len(due)

    def check_day(self, env, day):
        facts = observe.read_facts(env, self, day)
        for name, check in invariants.CHECKS.items():
            checked, broken = check(facts)
            self.results[name].checked += checked
            for key, example in broken:
                self.results[name].add(key, example)
        self.unverified |= facts.get("unverified", set())
        logs = [(r.levelname, r.getMessage()[:300]) for r in self.errors.records]
        self.results["no ERROR or traceback in the log"].checked += 1
        for key, example in invariants.no_error_in_log(logs):
            self.results["no ERROR or traceback in the log"].add(key, example)
        self.errors.records.clear()

    def check_end(self, registry, end):
        with registry.cursor() as cr:
            env = self.env(cr)
            facts = observe.read_quarters(env, self, end)
            # what the suite says of the official calendar at the end (its own
            # refresh, rolled back): a year the library does not know is named
            companies = env["res.company"].browse(self.company_ids)
            messages = companies._callback_refresh_official_calendar()
            self.calendar_notes = [
                f"{company.name}: {messages.get(company.id) or '-'}" for company in companies
            ]
            cr.rollback()
            self.service = invariants.service_level(
                observe.service_rows(env, SERVICE_DAYS),
                SERVICE_DAYS,
                datetime.combine(end, datetime.min.time()),
            )
            checked, broken = invariants.quarterly_report_tells_the_truth(facts)
            self.results["the quarter's report tells the truth"].checked += checked
            for key, example in broken:
                self.results["the quarter's report tells the truth"].add(key, example)

    def progress(self, day):
        """``--progress``: one line per simulated day (its time, the
        promises broken so far) and, with ``--output``, the table so far in
        that file: a long run stopped early still tells how far it got."""
        done, total = (day - self.start).days, (self.end - self.start).days
        broken = [name for name, result in self.results.items() if result.broken]
        print(
            f"day {day - timedelta(days=1)} ({done}/{total}): {self.day_times[-1]:.1f} s, "
            f"own CPU {self.day_cpu[-1]:.1f} s; broken so far: {', '.join(broken) or 'none'}",
            flush=True,
        )
        if self.args.output:
            lines = self.table_lines(failed=[False])
            lines.insert(1, f"(in progress: {done} of {total} days simulated, up to {day})")
            with open(self.args.output, "w", encoding="utf-8") as handle:
                handle.write("\n".join(lines) + "\n")

    # ------------------------------------------------------------------
    def table_lines(self, failed):
        """The heading, the promises' table and the time per simulated day;
        ``failed[0]`` set when a promise not known broken is broken."""
        lines = []
        out = lines.append
        out(
            f"# A year in the life: seed {self.seed}, {self.args.customers} customers, "
            f"{self.start} to {self.end} ({(self.end - self.start).days} days)"
        )
        if self.unverified:
            out(
                f"Days no published official calendar could verify: {len(self.unverified)} "
                f"(first {min(self.unverified)}, last {max(self.unverified)})"
            )
        out("")
        out("| promise | result | checked | broken | first counter-example |")
        out("|---|---|---|---|---|")
        for name in invariants.PROMISES:
            result = self.results[name]
            if result.broken:
                if name in KNOWN_BROKEN:
                    verdict = f"broken (known: {KNOWN_BROKEN[name]})"
                else:
                    verdict = "**broken**"
                    failed[0] = True
            else:
                verdict = "kept"
            out(
                f"| {name} | {verdict} | {result.checked} | {len(result.broken)} | "
                f"{(result.first or '').replace('|', '/')} |"
            )
        times = sorted(self.day_times)
        if times:
            out("")
            out(
                f"Time per simulated day: mean {sum(times) / len(times):.2f} s, "
                f"median {times[len(times) // 2]:.2f} s, max {times[-1]:.2f} s, "
                f"{len(times)} days in {sum(times):.0f} s (the simulation's own CPU: "
                f"{sum(self.day_cpu) / len(times):.2f} s per day)."
            )
        return lines

    def report(self):
        failed = [False]
        lines = self.table_lines(failed)
        out = lines.append
        for note in getattr(self, "calendar_notes", ()):
            out(f"Official calendar at the end: {note}")
        for segment, (counted, in_time, closed, longest) in getattr(self, "service", {}).items():
            share = f" ({100 * (in_time + closed) / counted:.1f} %)" if counted else ""
            out(
                f"Service level, {segment}: {in_time} of {counted} first called within "
                f"{SERVICE_DAYS[segment]} days of the callback's creation, {closed} closed with a "
                f"reason before{share}; the longest wait {longest:.1f} days."
            )
        out("")
        events = ", ".join(
            f"{k}: {v}" for k, v in sorted(self.counts.items()) if not k.startswith("_")
        )
        out(f"What happened: {events}")
        out(f"Digest: {self.digest()}")
        if self.notes:
            out("")
            out("First refusals and errors met by the simulated users (the suite's own messages):")
            for note in self.notes[:15]:
                out(f"  {note}")
        text = "\n".join(lines)
        print(text, flush=True)
        if self.args.output:
            with open(self.args.output, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
        return 1 if failed[0] else 0

    def digest(self):
        """A digest of the run's records: the same seed gives the same digest."""
        with self.registry.cursor() as cr:
            rows = observe.digest_rows(self.env(cr))
        return hashlib.sha256(repr(rows).encode()).hexdigest()[:16]


# the SOP's days to the first call, measured (not promised: see
# invariants.service_level): new customer 7 days (000 §4.1), complaint 3 (003)
SERVICE_DAYS = {"new_customer": 7, "complaint": 3}


def _copy_database(source, target):
    """``target`` as a copy of ``source`` (whose connections are closed)."""
    subprocess.run(["dropdb", "--if-exists", target], check=True)
    subprocess.run(["createdb", "-T", source, target], check=True)
    install.fast_commits(target)


def _checkpoint_path(args, name):
    os.makedirs(args.checkpoint_dir, exist_ok=True)
    return os.path.join(args.checkpoint_dir, f"{name}.pickle")


def _checkpoints(args):
    """The checkpoints of ``--db``, oldest first."""
    return sorted(glob.glob(os.path.join(args.checkpoint_dir, f"{args.db}_ck[0-9]*.pickle")))


def _add_months(day, months):
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 1)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="sim_year")
    parser.add_argument("--seed", type=int, default=30)
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--months", type=int, default=13)
    parser.add_argument("--days", type=int, help="run this many days instead of --months")
    parser.add_argument("--start", type=date.fromisoformat, default=date(2025, 1, 1))
    parser.add_argument("--template", help="copy this database instead of installing")
    parser.add_argument("--install-only", action="store_true")
    parser.add_argument("--output", help="also write the table to this file")
    parser.add_argument(
        "--progress",
        action="store_true",
        help="one line per simulated day; with --output, the table so far written each day",
    )
    parser.add_argument(
        "--checkpoint-every",
        type=int,
        default=0,
        metavar="DAYS",
        help="every DAYS simulated days, copy the database and pickle the simulation's "
        "state (the last checkpoint kept): --resume goes on from there",
    )
    parser.add_argument(
        "--checkpoint-dir",
        default=os.path.expanduser("~/.cache/callback-simulate"),
        help="where the checkpoints' state is written (default %(default)s)",
    )
    parser.add_argument(
        "--interrupt-after",
        type=int,
        default=0,
        metavar="DAYS",
        help="stop after DAYS simulated days in this process, as a killed run would "
        "(exit code 3): with --checkpoint-every, the proof that --resume goes on alike",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="go on from the last checkpoint of --db (the same options as the first run)",
    )
    parser.add_argument(
        "--stop-rate",
        type=float,
        default=world_mod.WITHDRAW_RATE,
        help="daily share of customers who say stop on their page (default %(default)s)",
    )
    return parser.parse_args(argv)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    world_mod.WITHDRAW_RATE = args.stop_rate
    simulation = Simulation(args)
    simulation.argv = argv
    return simulation.run()


if __name__ == "__main__":
    sys.exit(main())
