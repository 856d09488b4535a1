"""A manufacturer's finance product as an owner adds it: balloon (弹性尾款) up to 40 % of the
loan, a subsidised rate (贴息: the customer pays 1.99 %, the lender earns 6.5 %, the
manufacturer pays the difference) and add-ons financed with the car."""

from __future__ import annotations

from typing import Any

from db.services import catalogue
from db.services.base import Actor, Target

CODE = "maker_balloon"

SPEC: dict[str, Any] = {
    "code": CODE,
    "name": "Manufacturer finance (balloon)",
    "name_zh": "厂家金融弹性尾款",
    "example_lenders": ["Volkswagen Finance (China)"],
    "max_financing_ratio_percent": "80",
    "apr_min_percent": "0",
    "apr_max_percent": "9",
    "approval_days_min": 1,
    "approval_days_max": 2,
    "methods": ["equal_installment", "balloon"],
    "term_min_months": 12,
    "term_max_months": 48,
    "terms": [12, 24, 36, 48],
    "strictness": "medium",
    "max_vehicle_age_years": "8",
    "max_mileage_km": 150000,
    "grades": [
        {
            "grade": "A",
            "annual_rate": "1.99",
            "approval_likelihood_min_percent": "90",
            "approval_likelihood_max_percent": "98",
        },
        {
            "grade": "B",
            "annual_rate": "3.99",
            "approval_likelihood_min_percent": "70",
            "approval_likelihood_max_percent": "80",
        },
    ],
    "fees": {
        "upfront_fee": "0",
        "early_repayment_fee_percent": "2",
        "overdue_penalty_percent_per_day": "0.05",
    },
    "requires_full_insurance": False,
    "balloon_max_percent": "40",
    "subsidy": {"lender_rate": "6.5", "by": "FAW-Volkswagen", "by_zh": "一汽-大众"},
    "finance_add_ons": True,
}


def add_balloon_product(target: Target, owner: Actor) -> None:
    catalogue.save_product(target, owner, SPEC)
