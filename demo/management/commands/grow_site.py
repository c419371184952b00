from django.core.management.base import BaseCommand

from demo.growth import grow


class Command(BaseCommand):
    help = (
        "Grows the demo site (see load_demo_content) for benchmarks, until it has the given numbers of "
        "Indonesian news pages, Indonesian collection items and images. The numbers are totals: run it "
        "again with the same numbers and nothing is added."
    )

    def add_arguments(self, parser):
        parser.add_argument("--news", type=int, default=0, help="News pages the Indonesian news index should have.")
        parser.add_argument("--items", type=int, default=0, help="Items the Indonesian collection should have.")
        parser.add_argument("--images", type=int, default=0, help="Images the site should have.")

    def handle(self, *args, news, items, images, **options):
        grow(news=news, items=items, images=images, log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Site grown."))
