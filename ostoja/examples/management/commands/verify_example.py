from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ostoja.examples.registry import EXAMPLES, verify


class Command(BaseCommand):
    help = "Compare a loaded example's computed metrics with its seed report's facts."

    def add_arguments(self, parser):
        parser.add_argument("example", choices=sorted(EXAMPLES))
        parser.add_argument("--facts", type=Path, help="facts YAML (default: the copy shipped)")
        parser.add_argument(
            "--source",
            action="append",
            help="only facts of this source class (casework, partner, aggregate, narrative)",
        )

    def handle(self, *args, **options):
        example = EXAMPLES[options["example"]]
        sources = set(options["source"]) if options["source"] else None
        results = verify(example, options["facts"], sources)
        width = max((len(r.fact_id) for r in results), default=10)
        for r in results:
            mark = "OK      " if r.ok else "MISMATCH"
            computed = "no metric" if r.computed is None else r.computed
            self.stdout.write(
                f"{mark} {r.fact_id:<{width}}  expected {r.expected!s:>6}  computed {computed!s:>6}"
            )
        good = sum(r.ok for r in results)
        self.stdout.write(f"{good}/{len(results)} facts reproduced")
        if good != len(results):
            raise CommandError(f"{len(results) - good} facts not reproduced")
