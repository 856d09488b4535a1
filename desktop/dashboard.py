"""The manager's and the owner's dashboard: this month against last month, the funnel and
the product mix as charts, and the consultations behind any figure.

Every figure is a button: a click lists the consultations it counts (names masked
unless the owner looks), a double-click on a row opens that consultation.  A bar of
a chart does the same for its stage or product.  Figures and lists are loaded on
the worker (``ctx.runner``), never on the UI thread.  A manager sees the own store;
the owner of a dealer group chooses the group or one store.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.services.base import Permission
from db.services.stores import StoreSummary
from desktop.context import AppContext
from desktop.models import ROW_ROLE, _RowsModel
from desktop.widgets import fill_store_choice
from lending.errors import UserError
from reports.formatting import formatter
from reports.model.dashboard import FIGURES, Dashboard, Drill, DrillRow, MonthFigures
from reports.model.labels import label

MONEY_FIGURES = frozenset({"loan_amount"})
RATE_FIGURES = frozenset({"approval_rate", "add_on_attach"})


def nice_scale(largest: int, ticks: int = 5) -> tuple[int, int]:
    """(step, upper end) of a count axis: whole numbers, a 1-2-5 step, at most ``ticks``
    steps, the largest value inside with room for its label."""
    room = -(-largest * 11 // 10)  # largest + 10 %, rounded up
    step = 1
    while True:
        for factor in (1, 2, 5):
            s = factor * step
            if room <= s * ticks:
                return s, max(s, -(-room // s) * s)
        step *= 10


class DrillModel(_RowsModel):
    """The consultations behind a figure (already masked by the service)."""

    NUMBER, CONTACT, CUSTOMER, CONSULTANT, STAGE, PRODUCT, AMOUNT, SIGNED = range(8)

    def __init__(self, lang: str, products: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fmt = formatter(lang)
        self.lang = lang
        self.products = products

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("First contact"),
            self.tr("Customer"),
            self.tr("Consultant"),
            self.tr("Stage reached"),
            self.tr("Product"),
            self.tr("Loan amount"),
            self.tr("Signed"),
        ]

    def display(self, row: DrillRow, column: int) -> str:
        if column == self.NUMBER:
            return str(row.id)
        if column == self.CONTACT:
            return row.contact_at.strftime("%Y-%m-%d %H:%M") if row.contact_at else ""
        if column == self.CUSTOMER:
            return row.customer
        if column == self.CONSULTANT:
            return row.consultant
        if column == self.STAGE:
            return label("stage", row.stage, self.lang)
        if column == self.PRODUCT:
            return self.products.get(row.product_code, row.product_code)
        if column == self.AMOUNT:
            return self.fmt.money(row.amount) if row.amount is not None else ""
        if column == self.SIGNED:
            return row.signed_at.strftime("%Y-%m-%d") if row.signed_at else ""
        return ""

    def extra(self, row: DrillRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.NUMBER, self.AMOUNT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DashboardDialog(QDialog):
    open_consultation = Signal(int)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.fmt = formatter(ctx.language)
        self.board: Dashboard | None = None
        self.drill: Drill | None = None
        self._serial = 0
        self._drill_serial = 0
        self._series: dict[str, tuple[QHorizontalBarSeries, tuple[str, ...]]] = {}
        self._store_ids: list[int | None] = []
        self.setWindowTitle(self.tr("Dashboard"))
        self.setObjectName("dashboard")
        self.resize(1100, 760)

        self.stores = QComboBox()
        self.stores.setObjectName("dashboardStores")
        self.stores.setVisible(False)
        self.stores.currentIndexChanged.connect(lambda _i: self.reload())
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.setAutoDefault(False)
        self.refresh.clicked.connect(self.reload)
        self.status = QLabel()
        self.status.setObjectName("dashboardStatus")
        top = QHBoxLayout()
        top.addWidget(self.stores)
        top.addWidget(self.status, 1)
        top.addWidget(self.refresh)

        # figure buttons: this month (big), last month below; follow-ups
        grid = QGridLayout()
        self.figure_buttons: dict[tuple[str, int], QPushButton] = {}
        titles = self.figure_titles()
        for col, key in enumerate((*FIGURES, "follow_ups", "overdue")):
            head = QLabel(titles[key])
            head.setWordWrap(True)
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(head, 0, col)
            if key == "follow_ups":
                kinds = (("follow_ups_due", 0), ("follow_ups_overdue", 0))
            elif key == "overdue":
                kinds = (("overdue_m1", 0), ("overdue_m3", 0))
            else:
                kinds = ((key, 0), (key, 1))
            for row, (kind, month) in enumerate(kinds, start=1):
                b = QPushButton("…")
                b.setObjectName(f"figure_{kind}_{month}")
                b.setAutoDefault(False)
                b.setMinimumHeight(48 if row == 1 else 30)
                if row == 1:
                    font = b.font()
                    font.setPointSizeF(font.pointSizeF() * 1.4)
                    font.setBold(True)
                    b.setFont(font)
                b.clicked.connect(lambda _c=False, k=kind, m=month: self.show_drill(Drill(k, m)))
                grid.addWidget(b, row, col)
                self.figure_buttons[(kind, month)] = b

        self.funnel_chart = QChart()
        self.funnel_chart.setTitle(self.tr("Funnel this month"))
        self.products_chart = QChart()
        self.products_chart.setTitle(self.tr("Product mix this month"))
        charts = QHBoxLayout()
        for chart, name in (
            (self.funnel_chart, "funnelChart"),
            (self.products_chart, "productsChart"),
        ):
            chart.legend().setVisible(False)
            chart.setMargins(QMargins(4, 4, 4, 4))
            view = QChartView(chart)
            view.setObjectName(name)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(260)
            charts.addWidget(view, 1)

        self.drill_title = QLabel(self.tr("Click a figure or a bar to list its consultations."))
        self.drill_title.setObjectName("drillTitle")
        self.drill_model = DrillModel(ctx.language, {}, self)
        self.table = QTableView()
        self.table.setObjectName("drillTable")
        self.table.setModel(self.drill_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._row_activated)
        self.table.activated.connect(self._row_activated)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addLayout(charts, 2)
        layout.addWidget(self.drill_title)
        layout.addWidget(self.table, 2)

        if ctx.can(Permission.MANAGE_STORES):  # the group owner picks a store or the group
            from db.services.stores import list_stores

            db, actor = ctx.database, ctx.staff
            ctx.runner.run(lambda: list_stores(db, actor), self._got_stores, self._failed)
        self.reload()

    # -- words ---------------------------------------------------------------
    def figure_titles(self) -> dict[str, str]:
        return {
            "consultations": self.tr("New consultations"),
            "signed": self.tr("Signed"),
            "loan_amount": self.tr("Loan amount (CNY)"),
            "approval_rate": self.tr("Approval rate"),
            "add_on_attach": self.tr("Add-on attach rate"),
            "follow_ups": self.tr("Follow-ups"),
            "overdue": self.tr("Overdue (lenders' files)"),
        }

    def drill_text(self, drill: Drill) -> str:
        month = self.tr("this month") if drill.month == 0 else self.tr("last month")
        titles = self.figure_titles()
        if drill.kind == "stage":
            what = label("stage", drill.key, self.ctx.language)
        elif drill.kind == "product":
            what = self._product_names().get(drill.key, drill.key)
        elif drill.kind == "follow_ups_due":
            return self.tr("Consultations with a follow-up due today")
        elif drill.kind == "follow_ups_overdue":
            return self.tr("Consultations with an overdue follow-up")
        elif drill.kind == "overdue_m1":
            return self.tr("Loans overdue 1 day or more (M1+), latest status")
        elif drill.kind == "overdue_m3":
            return self.tr("Loans overdue 61 days or more (M3+), latest status")
        elif drill.kind == "approval_rate":
            what = self.tr("Decided by the lender")
        elif drill.kind == "add_on_attach":
            what = self.tr("Signed with an optional add-on")
        else:
            what = titles[drill.kind]
        return self.tr("{what}, {month}").format(what=what, month=month)

    def _value(self, figure: str, m: MonthFigures) -> str:
        v = m.value(figure)
        if figure in MONEY_FIGURES:
            return self.fmt.money(v)  # type: ignore[arg-type]
        if figure in RATE_FIGURES:
            return self.fmt.percent(v)  # type: ignore[arg-type]
        return f"{v:,}"

    # -- loading ---------------------------------------------------------------
    def chosen_store_ids(self) -> tuple[int, ...] | None:
        index = self.stores.currentIndex()
        if not self._store_ids or index < 0:
            return None
        chosen = self._store_ids[index]
        if chosen is None:
            return tuple(i for i in self._store_ids if i is not None)
        return (chosen,)

    def _got_stores(self, stores: list[StoreSummary]) -> None:
        if len(stores) < 2:
            return
        self.stores.blockSignals(True)
        self._store_ids = fill_store_choice(self.stores, stores, self.tr("All stores (group)"))
        own = self._store_ids.index(self.ctx.staff.store_id)
        self.stores.setCurrentIndex(own)
        self.stores.blockSignals(False)
        self.stores.setVisible(True)

    def reload(self) -> None:
        from reports.model.dashboard import build_dashboard

        self._serial += 1
        serial = self._serial
        db, actor, stores, today = (
            self.ctx.database,
            self.ctx.staff,
            self.chosen_store_ids(),
            self.today,
        )
        self.status.setText(self.tr("Loading…"))
        self.ctx.runner.run(
            lambda: build_dashboard(db, actor, stores, today=today),
            lambda board: self._show(serial, board),
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.status.setText(exc.message)
            return
        raise exc

    def _product_names(self) -> dict[str, str]:
        if self.board is None:
            return {}
        return {p.product_code: p.name(self.ctx.language) for p in self.board.products}

    def _show(self, serial: int, board: Dashboard) -> None:
        if serial != self._serial:  # a newer load is under way
            return
        self.board = board
        self.drill_model.products = self._product_names()
        now, last = board.this_month, board.last_month
        for figure in FIGURES:
            self.figure_buttons[(figure, 0)].setText(self._value(figure, now))
            self.figure_buttons[(figure, 1)].setText(
                self.tr("Last month: {value}").format(value=self._value(figure, last))
            )
        self.figure_buttons[("follow_ups_due", 0)].setText(
            self.tr("{n} due today").format(n=board.follow_ups_due)
        )
        self.figure_buttons[("follow_ups_overdue", 0)].setText(
            self.tr("{n} overdue").format(n=board.follow_ups_overdue)
        )
        o = board.overdue
        m1, m3 = self.figure_buttons[("overdue_m1", 0)], self.figure_buttons[("overdue_m3", 0)]
        if o is None:
            m1.setText("-")
            m3.setText("-")
            m1.setToolTip(self.tr("No post-loan status imported yet (import-loan-status)."))
        else:
            m1.setText(self.tr("M1+ {rate}").format(rate=self.fmt.percent(o.total.m1_rate)))
            m3.setText(self.tr("M3+ {rate}").format(rate=self.fmt.percent(o.total.m3_rate)))
            m1.setToolTip(
                self.tr("{n} of {loans} loans being repaid, as of {day}").format(
                    n=o.total.m1, loans=o.total.loans, day=o.as_of[-1].isoformat()
                )
            )
        self._fill_chart(
            self.funnel_chart,
            [label("stage", s.stage, self.ctx.language) for s in board.funnel],
            [s.count for s in board.funnel],
            [s.stage for s in board.funnel],
            "stage",
        )
        self._fill_chart(
            self.products_chart,
            [p.name(self.ctx.language) for p in board.products],
            [p.loans for p in board.products],
            [p.product_code for p in board.products],
            "product",
        )
        self.status.setText(
            self.tr("{this} so far against {last}; as of {day}").format(
                this=now.label, last=last.label, day=board.today.isoformat()
            )
        )

    def _fill_chart(
        self, chart: QChart, names: list[str], values: list[int], keys: list[str], kind: str
    ) -> None:
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        # a horizontal bar chart draws its first category at the bottom: the funnel's
        # first stage (and the largest product) go last, so they show on top
        names, values, keys = names[::-1], values[::-1], keys[::-1]
        bars = QBarSet(self.tr("Count"))
        bars.append([float(v) for v in values])
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.clicked.connect(
            lambda index, _set, k=kind, ks=tuple(keys): self.show_drill(Drill(k, 0, ks[index]))
        )
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(names)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        values_axis = QValueAxis()
        step, upper = nice_scale(max([0, *values]))
        values_axis.setRange(0, upper)
        values_axis.setTickCount(upper // step + 1)
        values_axis.setLabelFormat("%d")
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values_axis)
        self._series[kind] = (series, tuple(keys))

    # -- drill-down --------------------------------------------------------------
    def show_drill(self, drill: Drill) -> None:
        from reports.model.dashboard import drill_down

        self.drill = drill
        self._drill_serial += 1
        serial = self._drill_serial
        db, actor, stores, today = (
            self.ctx.database,
            self.ctx.staff,
            self.chosen_store_ids(),
            self.today,
        )
        self.drill_title.setText(self.drill_text(drill) + " " + self.tr("(loading…)"))
        self.ctx.runner.run(
            lambda: drill_down(db, actor, stores, drill, today=today),
            lambda rows: self._show_rows(serial, drill, rows),
            self._failed,
        )

    def _show_rows(self, serial: int, drill: Drill, rows: list[DrillRow]) -> None:
        if serial != self._drill_serial:
            return
        self.drill_model.set_rows(rows)
        self.drill_title.setText(
            self.tr("{what} — consultations: {n}").format(what=self.drill_text(drill), n=len(rows))
        )

    def click_bar(self, kind: str, key: str) -> None:
        """What a click on the bar of ``key`` (a stage or a product code) does (tests call
        it: a chart's bars are no widgets)."""
        series, keys = self._series[kind]
        series.clicked.emit(keys.index(key), series.barSets()[0])

    def _row_activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.open_consultation.emit(row.id)
