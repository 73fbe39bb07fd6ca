"""Loading the demo content from tests, without its report on the terminal."""

import io

from django.core.management import call_command


def load_demo_quietly():
    call_command("load_demo", stdout=io.StringIO())
