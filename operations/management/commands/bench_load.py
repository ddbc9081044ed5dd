import argparse
import json

from django.core.management.base import BaseCommand

from operations.load import publish_repeatedly, run


class Command(BaseCommand):
    help = "Readers, staff logins and publishes at the same time; errors and times per kind."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=float, default=30)
        parser.add_argument("--readers", type=int, default=32)
        parser.add_argument("--logins", type=int, default=4)
        parser.add_argument(
            "--publish-interval", type=float, default=0.2, help="Seconds between publishes."
        )
        parser.add_argument(
            "--publishers", type=int, default=1, help="Editors publishing at the same time."
        )
        parser.add_argument(
            "--senders", type=int, default=2, help="Patients sending the contact form at once."
        )
        parser.add_argument(
            "--send-interval", type=float, default=1.0, help="Seconds between a patient's posts."
        )
        parser.add_argument(
            "--task-senders", type=int, default=1, help="Threads sending tasks to the worker."
        )
        parser.add_argument(
            "--task-interval", type=float, default=0.5, help="Seconds between a thread's tasks."
        )
        parser.add_argument("--publisher", type=int, help=argparse.SUPPRESS)

    def handle(
        self,
        *args,
        seconds,
        readers,
        logins,
        publish_interval,
        publishers,
        senders,
        send_interval,
        task_senders,
        task_interval,
        publisher,
        **options,
    ):
        if publisher:  # the editor's process, started by the bench itself
            results = publish_repeatedly(publisher, seconds, publish_interval)
            self.stdout.write(json.dumps(results))
            return
        run(
            self.stdout,
            seconds=seconds,
            readers=readers,
            logins=logins,
            publish_interval=publish_interval,
            publishers=publishers,
            senders=senders,
            send_interval=send_interval,
            task_senders=task_senders,
            task_interval=task_interval,
        )
