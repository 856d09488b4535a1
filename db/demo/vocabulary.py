"""The demo store's vocabulary: names, places, vehicles, staff, and the shares of each outcome.

Everything the generator draws from that is not a rule: surnames and given
names, region codes and mobile prefixes, the vehicles on sale, the staff it
creates, source channels and their weights, why consultations are lost (the
rejection mix of DOMAIN.md) and the signing checklist's codes.
"""

from __future__ import annotations

from collections.abc import Mapping

from db.models.enums import Channel, Intent, Role, SigningItemKind
from lending import appraisal as lending_appraisal

DEMO_PASSWORD = "demo-pass-2026"
DEMO_STORE_NAME = "LoanDesk Demo Store"
AMOUNT_STEP = 5_000  # loan amounts in round 5,000 CNY (also keeps the schedule cache small)
CONSENT_PURPOSE = (
    "Assess and arrange vehicle financing, and contact the customer about this application."
)

# Rejection mix from DOMAIN.md ("Rejections in practice").  ``lost_reason``
# starts with the category label followed by ": " so reports can group them.
REJECTION_MIX: tuple[tuple[str, float], ...] = (
    ("documents", 0.35),
    ("credit", 0.28),
    ("vehicle", 0.18),
    ("income_debt", 0.19),
)
LOST_CATEGORY_LABELS: Mapping[str, str] = {
    "documents": "Documents inconsistent",
    "credit": "Credit",
    "vehicle": "Vehicle",
    "income_debt": "Income or debt",
    "customer": "Customer decision",
}
LOST_DETAILS: Mapping[str, tuple[str, ...]] = {
    "documents": (
        "income proof does not match the bank statements",
        "residence proof missing or expired",
        "work proof does not match the declared employer",
        "signature on the payslips differs from the ID card",
    ),
    "credit": (
        "lender declined after the credit report review",
        "recent overdue payments on the credit report",
        "too many loan applications in the last three months",
    ),
    "vehicle": (
        "vehicle has an accident history",
        "vehicle older or higher mileage than any product allows",
        "odometer reading inconsistent with maintenance records",
        "registration certificate does not match the vehicle",
    ),
    "income_debt": (
        "monthly payment above 50% of income with existing debts",
        "income could not be verified for six months",
        "existing debt too high for the requested loan",
    ),
    "customer": (
        "customer bought the car in cash",
        "customer chose another dealer's offer",
        "customer postponed the purchase",
        "customer stopped answering calls",
        "customer only compared prices",
    ),
}

# the decline reason a lender gives (``DeclineReason``) for each rejection category
DECLINE_REASONS: Mapping[str, str] = {
    "documents": "documents",
    "credit": "credit",
    "vehicle": "vehicle",
    "income_debt": "income",
}
# the ``LostReason`` staff pick for each way a customer walks away
CUSTOMER_LOST_CODES: Mapping[str, str] = {
    "customer bought the car in cash": "other",
    "customer chose another dealer's offer": "bought_elsewhere",
    "customer postponed the purchase": "not_interested",
    "customer stopped answering calls": "not_interested",
    "customer only compared prices": "price",
}

# region codes of the store's city (most customers) and elsewhere
LOCAL_REGIONS = ("310101", "310104", "310105", "310106", "310107", "310110", "310112", "310115")
OTHER_REGIONS = (
    "110105", "110108", "320102", "320106", "330106", "340104", "370202", "410105",
    "420106", "430104", "440305", "500103", "510107", "610113", "350203", "210102",
)  # fmt: skip
MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "155", "156", "157", "158", "159", "166", "176", "177", "180", "181", "182", "183",
    "185", "186", "187", "188", "189", "191", "198", "199",
)  # fmt: skip
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯"
    "邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚浩宇鑫婷雪博文斌晨欣怡思佳子涵俊凯颖琳瑞昊晓"
    "海燕丹鹏辉健华志红玲亮飞宁波萍雷峰春慧"
)
PURPOSES = ("家用代步", "上下班通勤", "生意用车", "置换旧车", "首次购车", "接送孩子", "跑网约车")
# brand, model, new-car reference price (CNY), WMI
VEHICLES: tuple[tuple[str, str, int, str], ...] = (
    ("Toyota", "Camry", 180_000, "LVG"),
    ("Toyota", "Corolla", 110_000, "LFM"),
    ("Honda", "Accord", 170_000, "LHG"),
    ("Honda", "CR-V", 175_000, "LHG"),
    ("Volkswagen", "Lavida", 95_000, "LSV"),
    ("Volkswagen", "Passat", 165_000, "LSV"),
    ("Volkswagen", "Sagitar", 125_000, "LFV"),
    ("Nissan", "Sylphy", 105_000, "LGB"),
    ("Buick", "GL8", 235_000, "LSG"),
    ("BYD", "Han", 200_000, "LGX"),
    ("BYD", "Qin PLUS", 100_000, "LGX"),
    ("BMW", "3 Series", 260_000, "LBV"),
    ("Mercedes-Benz", "C-Class", 290_000, "LE4"),
    ("Audi", "A4L", 250_000, "LFV"),
    ("Haval", "H6", 95_000, "LGW"),
    ("Geely", "Boyue", 85_000, "L6T"),
    ("Tesla", "Model 3", 230_000, "LRW"),
    ("Changan", "CS75 PLUS", 90_000, "LS5"),
    ("Mazda", "CX-5", 135_000, "LVR"),
    ("Hyundai", "Elantra", 85_000, "LBE"),
)
COLOURS = ("white", "black", "silver", "grey", "blue", "red", "brown")
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"  # 2010 = A ... (30-year cycle)
SIGNING_CODES: tuple[tuple[str, SigningItemKind], ...] = (
    ("doc.id_card", SigningItemKind.DOCUMENT),
    ("doc.driving_licence", SigningItemKind.DOCUMENT),
    ("doc.income_proof", SigningItemKind.DOCUMENT),
    ("doc.bank_statements", SigningItemKind.DOCUMENT),
    ("doc.residence_proof", SigningItemKind.DOCUMENT),
    ("doc.work_proof", SigningItemKind.DOCUMENT),
    ("doc.registration_certificate", SigningItemKind.DOCUMENT),
    ("doc.insurance_policy", SigningItemKind.DOCUMENT),
    ("clause.amount_term", SigningItemKind.CLAUSE),
    ("clause.repayment_duty", SigningItemKind.CLAUSE),
    ("clause.early_repayment", SigningItemKind.CLAUSE),
    ("clause.vehicle_mortgage", SigningItemKind.CLAUSE),
    ("clause.insurance", SigningItemKind.CLAUSE),
    ("check.dual_recording", SigningItemKind.CHECK),
    ("check.identity_verified", SigningItemKind.CHECK),
    ("check.anti_fraud", SigningItemKind.CHECK),
    ("check.contract_viewed", SigningItemKind.CHECK),
    ("check.dealer_account", SigningItemKind.CHECK),
)
CHANNELS = (
    (Channel.WALK_IN, 34),
    (Channel.PHONE, 14),
    (Channel.ONLINE, 22),
    (Channel.REFERRAL, 12),
    (Channel.PARTNER_DEALER, 8),
    (Channel.SOCIAL_MEDIA, 10),
)
DEMO_STAFF: tuple[tuple[str, str, Role], ...] = (
    ("demo.manager", "周经理", Role.MANAGER),
    ("demo.finance1", "林晓雪", Role.FINANCE),
    ("demo.finance2", "郑海波", Role.FINANCE),
    ("demo.sales1", "王伟", Role.CONSULTANT),
    ("demo.sales2", "李娜", Role.CONSULTANT),
    ("demo.sales3", "张磊", Role.CONSULTANT),
    ("demo.sales4", "刘芳", Role.CONSULTANT),
    ("demo.sales5", "陈杰", Role.CONSULTANT),
    ("demo.sales6", "杨静", Role.CONSULTANT),
)

CONDITION_WEIGHTS = (15, 45, 30, 10)
SIGNING_ROWS = tuple((code, kind.value) for code, kind in SIGNING_CODES)
CONDITIONS = tuple(lending_appraisal.Condition)
CHANNEL_NAMES = tuple(c for c, _ in CHANNELS)
CHANNEL_WEIGHTS = tuple(w for _, w in CHANNELS)
INTENTS = (Intent.HIGH, Intent.MEDIUM, Intent.LOW)
STEP_COLUMNS = (
    "reception_state",
    "qualification_state",
    "appraisal_state",
    "plan_state",
    "signing_state",
)
