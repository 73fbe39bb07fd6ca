"""`update_index` that counts: "1000/2345 (42 %)" after every chunk, not a bare dot.

Wagtail's command (modelsearch's rebuild_modelsearch_index) prints each model's name, then one dot
per chunk of 1,000 objects and the total only at the end, so a long run never says how far it
has gone. Same options (--chunk_size sets how often progress prints), same indexing.
"""

import time

from modelsearch.management.commands.rebuild_modelsearch_index import (
    DEFAULT_CHUNK_SIZE,
)
from modelsearch.management.commands.rebuild_modelsearch_index import (
    Command as RebuildIndexCommand,
)


class Command(RebuildIndexCommand):
    help = "Rebuild the search index, printing per model how many objects are indexed so far."

    def queryset_chunks(self, qs, chunk_size=DEFAULT_CHUNK_SIZE):
        # Counted before the first chunk, so that the model's line can say how many to expect.
        self.expected = qs.count()
        return super().queryset_chunks(qs, chunk_size)

    def print_iter_progress(self, iterable):
        expected = self.expected
        self.write(f"{expected} object{'' if expected == 1 else 's'}")
        started = time.monotonic()
        done = 0
        for chunk in iterable:
            yield chunk
            done += len(chunk)
            percent = done * 100 // expected if expected else 100
            elapsed = time.monotonic() - started
            self.write(f"    {done}/{expected} ({percent} %) {elapsed:.1f} s")
            self.stdout.flush()
