#!/usr/bin/env python3
"""Lints .github/workflows/*.yml where GitHub's runners are out of reach and actionlint is not
installable: the schema of GitHub workflows (check-jsonschema ships it), yamllint, and shellcheck
on every `run:` script (bash, with `${{ … }}` expressions replaced by a placeholder).

    pip install check-jsonschema yamllint   # once; shellcheck from apt-get
    python3 scripts/lint-workflows.py
"""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
YAMLLINT_CONFIG = "{extends: default, rules: {line-length: {max: 130}, document-start: disable, truthy: {check-keys: false}}}"
EXPRESSION = re.compile(r"\$\{\{.*?\}\}")


def run_scripts(workflow: dict):
    """(job id, step name, script) of every `run:` step that runs in bash."""
    for job_id, job in (workflow.get("jobs") or {}).items():
        default_shell = ((job.get("defaults") or {}).get("run") or {}).get("shell", "bash")
        for index, step in enumerate(job.get("steps") or []):
            if "run" not in step:
                continue
            shell = step.get("shell", default_shell)
            if shell != "bash":
                continue
            yield job_id, step.get("name", f"step {index + 1}"), step["run"]


def shellcheck(path: Path) -> int:
    failures = 0
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    for job_id, step_name, script in run_scripts(workflow):
        body = EXPRESSION.sub("placeholder", script)
        with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as file:
            file.write("#!/usr/bin/env bash\nset -eo pipefail\n" + body)
        result = subprocess.run(["shellcheck", "-s", "bash", file.name], capture_output=True, text=True)
        Path(file.name).unlink()
        if result.returncode != 0:
            failures += 1
            print(f"{path.name}: job {job_id}, step '{step_name}':\n{result.stdout}")
    return failures


def main() -> int:
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    if not workflows:
        print("no workflows found")
        return 1
    names = [str(path) for path in workflows]
    status = subprocess.run(["check-jsonschema", "--builtin-schema", "vendor.github-workflows", *names]).returncode
    status |= subprocess.run(["yamllint", "-d", YAMLLINT_CONFIG, *names]).returncode
    failures = sum(shellcheck(path) for path in workflows)
    print(f"shellcheck on run: steps: {failures} failing" if failures else "shellcheck on run: steps: ok")
    return 1 if status or failures else 0


if __name__ == "__main__":
    sys.exit(main())
