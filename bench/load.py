"""The production server under load: requests/s and latency per page, and a registration burst.

Run with `make bench` (10,000 activities, 1,000 workshops, 5,000 sessions, 100,000
registrations, 30 s a scenario) or e.g. `python bench/load.py --activities 500 --workshops 50
--sessions 250 --registrations 2000 --duration 5` for a quick look. It prints numbers; it
asserts nothing but the burst's exact capacity (exit status 1 if it does not hold).

A fresh PostgreSQL database (dropped at the end unless --keep) is filled in bulk with the
search bench's generated French content (bench/search.py), plus agents, sessions and
registrations, then VACUUM ANALYZEd and indexed for search. gunicorn then serves it with the
production settings (2 workers, WhiteNoise, Redis cache on a database of its own, e-mails
discarded) on a free loopback port, and wrk hits each page with 20 connections. Registration
POSTs rotate through pre-made signed-in agents, each request a new (agent, session) pair.
Finally 100 agents register at once to one session of 10 seats: the database must then hold 10
confirmed and a waiting list numbered 1..90 in the order the server took them.

Columns: requests/s over the scenario; p50/p95/p99 of the answered requests (from wrk's
histogram, its done() hook); errors = answers 4xx/5xx plus socket errors, a request over 5 s
counting as a timeout; load = the 1-minute load average at the end of the scenario (other work
on the machine skews every number: check it). Each page is read by anonymous visitors (served
from the page cache once warm), then by signed-in agents in turn (rendered every time);
--readers anonymous or --readers agents keeps one of the two.
"""

import argparse
import http.client
import importlib.util
import os
import platform
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _load_search_bench():
    """bench/search.py (its generated content and bulk page insert), under a name of its own:
    `search` is the app."""
    spec = importlib.util.spec_from_file_location("search_bench", ROOT / "bench" / "search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


search_bench = _load_search_bench()

PG_SERVER = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/15"  # a Redis database of its own, emptied before and after
CONNECTIONS, THREADS, WORKERS = 20, 2, 2
ERROR_KINDS = ("connect", "read", "write", "timeout", "4xx/5xx")  # wrk's counters, in its order
BURST_AGENTS, BURST_CAPACITY = 100, 10
SEED = 10_000
FIRST_NAMES = "Camille Julien Nadia Thomas Sophie Karim Léa Hugo Fatou Mathieu Claire Yanis".split()
LAST_NAMES = (
    "Martin Bernard Dubois Moreau Laurent Simon Michel Lefèvre Garcia Roux Fournier".split()
)
SERVICES = [
    "Direction des ressources humaines",
    "Direction des finances",
    "Médiathèques",
    "Services techniques",
    "Petite enfance",
]

# Runs inside wrk. done() reports what the text summary lacks (p95) as one parseable line.
DONE_LUA = """
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH_RESULT %d %d %d %d %d %d %d %d %d %d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect, e.read, e.write, e.timeout, e.status))
end
"""
# Each wrk thread has its own Lua state: thread n takes lines n, n + threads, n + 2 × threads…
# of the file, so that no two requests share a line (until the file runs out and wraps).
ROTATE_LUA = """
local lines = {}
local index = 0
local step = 1
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("first", counter)
end
function init(args)
  for line in io.lines(args[1]) do
    local cookie, body, path = line:match("^([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)$")
    lines[#lines + 1] = {cookie, body, path}
  end
  step = tonumber(args[2])
  index = first - step
end
function request()
  index = index + step
  if index > #lines then index = (index - 1) % #lines + 1 end
  local line = lines[index]
  if line[2] == "" then
    return wrk.format("GET", line[3], {["Cookie"] = line[1]})
  end
  return wrk.format("POST", line[3], {["Cookie"] = line[1],
    ["Content-Type"] = "application/x-www-form-urlencoded"}, line[2])
end
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=10_000)
    parser.add_argument("--workshops", type=int, default=1_000)
    parser.add_argument("--sessions", type=int, default=5_000, help="workshop sessions in all")
    parser.add_argument("--registrations", type=int, default=100_000)
    parser.add_argument("--agents", type=int, default=2_000)
    parser.add_argument("--duration", type=int, default=30, help="seconds per scenario")
    parser.add_argument("--postgres-server", default=PG_SERVER, metavar="URL")
    parser.add_argument(
        "--redis-url",
        default=REDIS_URL,
        help="cache for the server (emptied before and after); 'none' for local memory",
    )
    parser.add_argument(
        "--conn-max-age",
        type=int,
        default=60,
        help="DATABASE_CONN_MAX_AGE of the server (0: a new connection per request)",
    )
    parser.add_argument(
        "--readers",
        choices=("anonymous", "agents", "both"),
        default="both",
        help="who reads the pages: anonymous visitors, signed-in agents in turn, or both "
        "(each page twice: anonymous first)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    return parser.parse_args()


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        print("wrk is missing: apt-get install -y wrk", file=sys.stderr)
        sys.exit(2)
    # A SIGTERM or SIGHUP unwinds like Ctrl-C: the server stops and the database is dropped.
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _raise_interrupt)
    began = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="atelier-bench-load-"))
    database = search_bench.ThrowawayDatabase(
        "postgres", args.postgres_server, "atelier_bench_load"
    )
    server = cache = None
    try:
        cache = ServerCache(args.redis_url)
        configure_environment(database.url, cache.url, args.conn_max_age)
        import django

        django.setup()
        print(f"Database {database.url}, cache {cache.url or 'local memory'}", flush=True)
        timings = prepare(args)
        scenarios, burst_plan = make_fixtures(args, workdir)
        server = Server(workdir)
        machine = describe_machine()
        rows = [run_scenario(server, workdir, scenario, args.duration) for scenario in scenarios]
        burst = run_burst(server, burst_plan)
        print_report(args, machine, timings, rows, burst, time.perf_counter() - began)
        if not burst["holds"]:
            sys.exit(1)
    finally:
        if server:
            server.stop()
        if cache:
            cache.clear()
        if args.keep:
            print(f"Kept: {database.url}")
        else:
            database.drop()
        shutil.rmtree(workdir, ignore_errors=True)


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def configure_environment(database_url, cache_url, conn_max_age):
    """The environment of `make serve-prod`, for the server and for this process alike: both
    must read and write the same sessions, cache and database."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="atelier.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="False",
        DATABASE_URL=database_url,
        DATABASE_CONN_MAX_AGE=str(conn_max_age),
        EMAIL_URL="dummymail://",  # registrations send e-mails: built, then discarded
        LOG_LEVEL="WARNING",
    )
    if cache_url:
        os.environ["REDIS_URL"] = cache_url
    else:
        os.environ.pop("REDIS_URL", None)


class ServerCache:
    """The server's Redis database, emptied so that no page comes from an earlier run."""

    def __init__(self, url):
        self.url = None if url == "none" else url
        if self.url:
            import redis

            self.client = redis.Redis.from_url(self.url)
            self.client.ping()
            self.client.flushdb()

    def clear(self):
        if self.url:
            self.client.flushdb()


# --- Filling the database -------------------------------------------------------------------


def prepare(args):
    """Migrate, fill, VACUUM ANALYZE, index; returns how long each step took."""
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings

    timings = {}

    def step(name, function, *arguments, **options):
        print(f"{name}…", flush=True)
        start = time.perf_counter()
        function(*arguments, **options)
        timings[name] = time.perf_counter() - start
        print(f"  {timings[name]:.1f} s", flush=True)

    def vacuum():
        # What autovacuum would do minutes after a bulk load (this server runs without it).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    step("migrate", call_command, "migrate", verbosity=0)
    # The 40 trainers of the search bench's content have passwords: a cheap hasher for them.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        step(
            "fill pages", search_bench.fill, args.activities, args.workshops, "load", args.sessions
        )
    step("fill agents and registrations", fill_people, args.agents, args.registrations)
    step("vacuum analyze", vacuum)
    step("update_index", call_command, "update_index", verbosity=0)
    step("vacuum analyze after indexing", vacuum)
    step("collectstatic", call_command, "collectstatic", interactive=False, verbosity=0)
    return timings


def fill_people(agent_count, registration_count):
    """Agents (with their profile and group, as the sign-up signals make them) and
    registrations spread evenly over the workshops' sessions: the first ``capacity`` of each
    session confirmed, the others waiting, one in twenty cancelled; roll calls of past
    sessions taken."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from community.models import Profile, User
    from community.roles import AGENTS
    from events.models import (
        Attendance,
        Registration,
        RegistrationStatus,
        Session,
        WorkshopPage,
    )

    rng = random.Random(SEED)  # noqa: S311 — repeatable content, not secrets
    now = timezone.now()
    unusable = make_password(None)
    users = User.objects.bulk_create(
        (
            User(
                email=f"agent.charge.{n}@atelier.example",
                first_name=FIRST_NAMES[n % len(FIRST_NAMES)],
                last_name=LAST_NAMES[n // len(FIRST_NAMES) % len(LAST_NAMES)],
                service=SERVICES[n % len(SERVICES)],
                password=unusable,
            )
            for n in range(agent_count)
        ),
        batch_size=2000,
    )
    Profile.objects.bulk_create((Profile(user=user) for user in users), batch_size=2000)
    group, _created = Group.objects.get_or_create(name=AGENTS)
    User.groups.through.objects.bulk_create(
        (User.groups.through(user_id=user.pk, group_id=group.pk) for user in users),
        batch_size=2000,
    )
    user_ids = [user.pk for user in users]
    workshop_ids = WorkshopPage.objects.values_list("pk", flat=True)
    sessions = list(
        Session.objects.filter(event_id__in=workshop_ids)
        .order_by("pk")
        .values_list("pk", "start", "capacity")
    )
    if not sessions or not user_ids:
        return

    def registrations():
        for index, (session_id, start, capacity) in enumerate(sessions):
            count = registration_count // len(sessions)
            count += index < registration_count % len(sessions)
            count = min(count, len(user_ids))
            queued = sorted(
                start - timedelta(minutes=rng.randint(60, 60 * 24 * 40)) for _ in range(count)
            )
            seated = 0
            for user_id, queued_at in zip(rng.sample(user_ids, count), queued, strict=True):
                registration = Registration(
                    session_id=session_id, user_id=user_id, queued_at=queued_at
                )
                if rng.random() < 0.05:
                    registration.status = RegistrationStatus.CANCELLED
                    registration.cancelled_at = queued_at + timedelta(minutes=30)
                elif seated < capacity:
                    seated += 1
                    registration.status = RegistrationStatus.CONFIRMED
                    if start < now:
                        registration.attendance = (
                            Attendance.ABSENT if rng.random() < 0.22 else Attendance.PRESENT
                        )
                else:
                    registration.status = RegistrationStatus.WAITLISTED
                yield registration

    Registration.objects.bulk_create(registrations(), batch_size=5000)


# --- What wrk asks for ----------------------------------------------------------------------


def make_fixtures(args, workdir):
    """Signed-in agents (a session cookie and a CSRF token each), the registration lines, the
    pages to read and the burst's session. Returns the scenarios, as (name, path, file of wrk
    lines or None), and the burst's plan."""
    from django.utils import timezone
    from wagtail.models import Site

    from community.models import User
    from events.models import Registration, Session, WorkshopPage
    from resources.models import ActivityPage, Theme

    now = timezone.now()
    root = Site.objects.get(is_default_site=True).root_page.url_path

    def path(page):
        return "/" + page.url_path[len(root) :]

    agents = list(User.objects.filter(email__startswith="agent.charge.").order_by("pk"))
    burst_agents, agents = agents[:BURST_AGENTS], agents[BURST_AGENTS:]
    cookies = sign_in(agents + burst_agents)
    upcoming = list(
        Session.objects.filter(
            event_id__in=WorkshopPage.objects.values("pk"), start__gt=now + timedelta(days=1)
        )
        .select_related("event")
        .order_by("pk")
    )
    taken = set(Registration.objects.values_list("session_id", "user_id"))
    lines = []
    # Request k: agent k, session k (modulo each): a new pair each time, for as long as the
    # least common multiple of the two counts, far beyond what 30 s can use.
    for k in range(200_000):
        agent, session = agents[k % len(agents)], upcoming[k % len(upcoming)]
        if (session.pk, agent.pk) in taken:
            continue
        taken.add((session.pk, agent.pk))
        cookie, token = cookies[agent.pk]
        body = urlencode({"csrfmiddlewaretoken": token, "next": path(session.event)})
        lines.append(f"{cookie}\t{body}\t/seances/{session.pk}/inscription/")
        if len(lines) == 50_000:
            break
    registration_file = workdir / "registrations.tsv"
    registration_file.write_text("\n".join(lines) + "\n")

    library = ActivityPage.objects.order_by("pk")
    activity = library[library.count() // 2]
    theme = Theme.objects.order_by("pk").first()
    workshop = (
        WorkshopPage.objects.filter(pk__in=[session.event_id for session in upcoming])
        .order_by("pk")
        .first()
    )
    pages = [
        ("home page", "/"),
        ("library, 2 filters", f"/bibliotheque/?theme={theme.slug}&modality=remote"),
        ("an activity", path(activity)),
        ("workshop catalogue", "/ateliers/"),
        ("a workshop", path(workshop)),
        ("search", f"/recherche/?q={quote('animation de réunion')}"),
    ]
    scenarios = []
    if args.readers in ("anonymous", "both"):
        scenarios += [(name, url, None) for name, url in pages]
    if args.readers in ("agents", "both"):
        suffix = " (signed in)" if args.readers == "both" else ""
        scenarios += [
            (name + suffix, url, read_file(workdir, url, cookies, agents)) for name, url in pages
        ]
    scenarios.append(("registration POST", "/seances/…/inscription/", registration_file))
    burst = make_burst(workshop, burst_agents, cookies, path(workshop), now)
    print(
        f"{len(agents) + len(burst_agents)} agents signed in; {len(lines)} registration lines "
        f"over {len(upcoming)} upcoming sessions",
        flush=True,
    )
    return scenarios, burst


def read_file(workdir, url, cookies, agents):
    """Reading as signed-in agents: a GET line per agent, in turn."""
    lines = [f"{cookies[agent.pk][0]}\t\t{url}" for agent in agents]
    target = workdir / f"read-{secrets.token_hex(4)}.tsv"
    target.write_text("\n".join(lines) + "\n")
    return target


def sign_in(users):
    """A signed-in session for each user, as django.contrib.auth.login() would store it, and a
    CSRF secret (Django accepts the unmasked secret as the form's token). Returns
    {user id: (Cookie header, token)}."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.middleware.csrf import CSRF_SESSION_KEY
    from django.utils.crypto import get_random_string

    store = import_module(settings.SESSION_ENGINE).SessionStore
    backend = "django.contrib.auth.backends.ModelBackend"
    cookies = {}
    for user in users:
        secret = get_random_string(32)
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = backend
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        if settings.CSRF_USE_SESSIONS:
            session[CSRF_SESSION_KEY] = secret
        session.create()
        cookie = f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
        if not settings.CSRF_USE_SESSIONS:
            cookie += f"; {settings.CSRF_COOKIE_NAME}={secret}"
        cookies[user.pk] = (cookie, secret)
    return cookies


def make_burst(workshop, agents, cookies, next_path, now):
    """A new session of 10 seats, no over-booking, that the burst's agents have never seen."""
    from events.models import EventPage, Session

    EventPage.objects.filter(pk=workshop.pk).update(series=None)  # no series' over-booking
    start = now + timedelta(days=10)
    session = Session.objects.create(
        event=workshop,
        start=start,
        end=start + timedelta(hours=2),
        place="Salle du conseil, hôtel de ville",
        capacity=BURST_CAPACITY,
    )
    requests = [
        (
            agent.pk,
            cookies[agent.pk][0],
            urlencode({"csrfmiddlewaretoken": cookies[agent.pk][1], "next": next_path}),
        )
        for agent in agents
    ]
    return {"session": session, "requests": requests}


# --- The server -----------------------------------------------------------------------------


class Server:
    """gunicorn with the production settings on a free loopback port, as `make serve-prod`."""

    def __init__(self, workdir):
        self.port = free_port()
        self.log = workdir / "gunicorn.log"
        gunicorn = Path(sys.executable).parent / "gunicorn"
        command = [
            str(gunicorn),
            "atelier.wsgi",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--forwarded-allow-ips",
            "127.0.0.1",
            "--error-logfile",
            str(self.log),
        ]
        print(f"gunicorn on 127.0.0.1:{self.port}…", flush=True)
        self.process = subprocess.Popen(  # noqa: S603 — our own command line
            command, cwd=ROOT, env=os.environ.copy(), start_new_session=True
        )
        self.wait_until_up()

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def wait_until_up(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.base + "/", timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer in {timeout} s:\n{self.log_tail()}")

    def log_tail(self, lines=30):
        if not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()  # gunicorn's arbiter stops its workers on SIGTERM
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- Measuring ------------------------------------------------------------------------------


def run_scenario(server, workdir, scenario, duration):
    from events.models import Registration

    name, url, line_file = scenario
    print(f"{name}: {url}", flush=True)
    # Requests of the previous scenario still queued in gunicorn's backlog are served before
    # these: the clock starts once they are.
    warm_up(server, "/", count=1)
    if line_file is None or "inscription" not in url:
        warm_up(server, url)
    script = workdir / "bench.lua"
    script.write_text((ROTATE_LUA if line_file else "") + DONE_LUA)
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}s", "--timeout", "5s"]
    command += ["-s", str(script), server.base + (url if line_file is None else "/")]
    if line_file:
        command += ["--", str(line_file), str(THREADS)]
    before = Registration.objects.count()
    finished = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    load = os.getloadavg()[0]
    result = [line for line in finished.stdout.splitlines() if line.startswith("BENCH_RESULT")]
    if finished.returncode or not result:
        raise RuntimeError(f"wrk failed: {finished.stdout}\n{finished.stderr}")
    numbers = [int(value) for value in result[0].split()[1:]]
    requests, duration_us, p50, p95, p99, *errors = numbers
    row = {
        "name": name,
        "url": url,
        "requests": requests,
        "rps": requests / (duration_us / 1e6),
        "p50_ms": p50 / 1000,
        "p95_ms": p95 / 1000,
        "p99_ms": p99 / 1000,
        "errors": sum(errors),
        "error_kinds": ", ".join(
            f"{count} {kind}" for kind, count in zip(ERROR_KINDS, errors, strict=True) if count
        ),
        "load": load,
    }
    if line_file and "inscription" in url:
        row["new_registrations"] = Registration.objects.count() - before
    print(
        f"  {row['rps']:.1f} req/s, p50 {row['p50_ms']:.1f} ms, p95 {row['p95_ms']:.1f} ms, "
        f"p99 {row['p99_ms']:.1f} ms, errors {row['errors']} {row['error_kinds']}",
        flush=True,
    )
    return row


def warm_up(server, url, count=10):
    """Each worker renders the page once before the clock runs (templates, first queries); a
    page that does not answer 200 stops the run."""
    for _ in range(count):
        with urllib.request.urlopen(server.base + url, timeout=30) as response:  # noqa: S310
            if response.status != 200:
                raise RuntimeError(f"{url} answered {response.status}")
            response.read()


def run_burst(server, burst):
    """100 agents, one thread each, connected first, released together by a barrier."""
    from events.models import Registration, RegistrationStatus
    from events.services.overbooking import seat_limit

    session = burst["session"]
    path = f"/seances/{session.pk}/inscription/"
    barrier = threading.Barrier(len(burst["requests"]))
    statuses = {}

    def register(user_id, cookie, body):
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
        try:
            connection.connect()
            barrier.wait()
            headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
            connection.request("POST", path, body, headers)
            response = connection.getresponse()
            response.read()
            statuses[user_id] = response.status
        except Exception as error:  # noqa: BLE001 — counted as an error
            statuses[user_id] = repr(error)
        finally:
            connection.close()

    print(f"burst: {len(burst['requests'])} agents at once to a session of {session.capacity}…")
    threads = [threading.Thread(target=register, args=request) for request in burst["requests"]]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    errors = sum(1 for status in statuses.values() if status not in (200, 302))
    registrations = list(
        Registration.objects.filter(session=session)
        .with_waitlist_position()
        .order_by("queued_at", "pk")
    )
    confirmed = [r for r in registrations if r.status == RegistrationStatus.CONFIRMED]
    waiting = [r for r in registrations if r.status == RegistrationStatus.WAITLISTED]
    positions = [r.waitlist_position for r in waiting]
    limit = seat_limit(session)
    last_seat = max((r.queued_at for r in confirmed), default=None)
    first_wait = min((r.queued_at for r in waiting), default=None)
    in_order = positions == list(range(1, len(waiting) + 1)) and (
        not confirmed or not waiting or last_seat <= first_wait
    )
    expected_waiting = len(burst["requests"]) - BURST_CAPACITY
    holds = (
        limit == BURST_CAPACITY
        and len(confirmed) == BURST_CAPACITY
        and len(waiting) == expected_waiting
        and in_order
        and errors == 0
    )
    return {
        "agents": len(burst["requests"]),
        "capacity": session.capacity,
        "confirmed": len(confirmed),
        "waitlisted": len(waiting),
        "errors": errors,
        "in_order": in_order,
        "holds": holds,
        "elapsed": elapsed,
    }


# --- Report ---------------------------------------------------------------------------------


def describe_machine():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0].split()[0]
    model = "unknown CPU"
    memory = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.0f} GiB"
                break
    except OSError:
        pass
    wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False)  # noqa: S607
    import gunicorn

    return {
        "cpu": f"{os.cpu_count()} cores ({model}){memory}",
        "load_before": "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg()),
        "postgres": postgres,
        "python": platform.python_version(),
        "gunicorn": gunicorn.__version__,
        "wrk": (wrk.stdout or wrk.stderr).split()[1] if (wrk.stdout or wrk.stderr) else "?",
    }


def print_report(args, machine, timings, rows, burst, whole):
    from community.models import User
    from events.models import Registration, Session, WorkshopPage
    from resources.models import ActivityPage

    print()
    print(
        f"Machine: {machine['cpu']}; load average before the runs {machine['load_before']}; "
        f"PostgreSQL {machine['postgres']}, Python {machine['python']}, "
        f"gunicorn {machine['gunicorn']} ({WORKERS} sync workers, "
        f"DATABASE_CONN_MAX_AGE={args.conn_max_age}), cache "
        f"{'Redis' if os.environ.get('REDIS_URL') else 'local memory'}, wrk {machine['wrk']} "
        f"({THREADS} threads, {CONNECTIONS} connections, {args.duration} s per scenario, "
        f"{args.readers} readers)."
    )
    print(
        f"Content: {ActivityPage.objects.count():,} activities, "
        f"{WorkshopPage.objects.count():,} workshops, {Session.objects.count():,} sessions, "
        f"{Registration.objects.count():,} registrations (after the runs), "
        f"{User.objects.count():,} users."
    )
    print(
        "Preparation: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items())
    )
    print()
    print("| scenario | requests/s | p50 ms | p95 ms | p99 ms | errors | load |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        errors = f"{row['errors']} ({row['error_kinds']})" if row["errors"] else "0"
        print(
            f"| {row['name']} | {row['rps']:.1f} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | "
            f"{row['p99_ms']:.1f} | {errors} | {row['load']:.1f} |"
        )
    for row in rows:
        if "new_registrations" in row:
            print(
                f"\nRegistration POSTs: {row['requests']:,} requests, "
                f"{row['new_registrations']:,} new registrations in the database."
            )
    print(
        f"\nBurst: {burst['agents']} agents at once to a session of {burst['capacity']} seats → "
        f"{burst['confirmed']} confirmed, {burst['waitlisted']} waitlisted, "
        f"{burst['errors']} errors; waiting list numbered 1..{burst['waitlisted']} in arrival "
        f"order: {'yes' if burst['in_order'] else 'NO'}; all answered in {burst['elapsed']:.1f} s. "
        f"Capacity {'HOLDS' if burst['holds'] else 'DOES NOT HOLD'}."
    )
    print(f"Whole run: {whole:.0f} s")


if __name__ == "__main__":
    main()
