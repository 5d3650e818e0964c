"""Ask the taxcalc service one rule question and print the answer (Python 3.11+, httpx).

Run: ``python taxcalc_client.py`` (the service: ``taxcalc serve``, on http://127.0.0.1:8000).
Set TAXCALC_URL for another address and TAXCALC_SERVICE_TOKEN if the service asks for a token.
"""

import json
import os
import sys
from decimal import Decimal

import httpx


def main() -> int:
    base = os.environ.get("TAXCALC_URL", "http://127.0.0.1:8000")
    token = os.environ.get("TAXCALC_SERVICE_TOKEN")
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    # Amounts and rates are JSON strings ("1130.00", "13%"), dates "YYYY-MM-DD".
    question = {"amount": "1130.00", "band": "standard", "on": "2019-04-01"}
    with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
        response = client.post("/v1/rules/vat.invoice_line", json=question)
    answer = response.json()
    if response.status_code != 200:
        for problem in answer["error"]["problems"]:
            print(f"{problem['field']}: {problem['reason']}", file=sys.stderr)
        return 1
    # Read amounts as Decimal, never float.
    tax = Decimal(answer["tax"])
    print(f"tax {tax} (taxcalc {answer['provenance']['taxcalc']})")
    print(json.dumps(answer["steps"][-1], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
