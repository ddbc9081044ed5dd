"""The Nu HTML Checker (npm's vnu-jar): one Java run for many documents, its JSON read back."""

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

# Java starts faster without the optimising compiler; vnu's run is short.
JAVA_OPTIONS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss4m"]


@dataclass(frozen=True)
class VnuMessage:
    type: str  # "error", "info" (subType "warning"), "non-document-error"
    message: str
    line: int | None = None
    column: int | None = None
    extract: str = ""
    subtype: str = ""

    @property
    def is_error(self):
        return self.type in {"error", "non-document-error"} or self.subtype == "fatal"

    def __str__(self):
        where = f"line {self.line}" if self.line else "document"
        if self.column:
            where += f", column {self.column}"
        extract = " ".join(self.extract.split())
        return f"{where}: {self.message}" + (f" — {extract!r}" if extract else "")


def parse_vnu_json(output, files_to_names):
    """{document name: [VnuMessage, ...]} from vnu's ``--format json`` output.

    ``files_to_names`` maps each checked file's name (not its folder) to the document's name.
    A message about a file we did not give, or without a file, is kept under ``None``.
    """
    results = {name: [] for name in files_to_names.values()}
    data = json.loads(output)
    for item in data.get("messages", []):
        url = item.get("url", "")
        file_name = Path(unquote(urlparse(url).path)).name if url else ""
        name = files_to_names.get(file_name)
        results.setdefault(name, []).append(
            VnuMessage(
                type=item.get("type", ""),
                subtype=item.get("subType", ""),
                message=item.get("message", ""),
                line=item.get("lastLine") or item.get("firstLine"),
                column=item.get("lastColumn") or item.get("firstColumn"),
                extract=item.get("extract", ""),
            )
        )
    return results


def errors_only(messages):
    return [message for message in messages if message.is_error]


def run_vnu(documents, jar, java="java", timeout=300):
    """Check every document ({name: html}) in one Java run; {name: [VnuMessage, ...]}."""
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        files_to_names = {}
        paths = []
        for number, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"document-{number:04d}.html"
            path.write_text(html, encoding="utf-8")
            files_to_names[path.name] = name
            paths.append(str(path))
        command = [java, *JAVA_OPTIONS, "-jar", str(jar), "--format", "json", "--stdout"]
        completed = subprocess.run(
            [*command, "--exit-zero-always", *paths],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if completed.returncode != 0 or not completed.stdout.strip():
            raise RuntimeError(
                f"vnu did not run (exit {completed.returncode}): {completed.stderr[-2000:]}"
            )
        return parse_vnu_json(completed.stdout, files_to_names)
