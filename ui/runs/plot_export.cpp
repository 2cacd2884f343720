// SPDX-License-Identifier: MIT
#include "runs/plot_export.h"

#include "widgets/qcustomplot_include.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QSvgGenerator>

namespace peft::runs {

namespace {

QSize plotSize(QCustomPlot* plot) {
    return plot->isVisible() && !plot->size().isEmpty() ? plot->size() : QSize(900, 600);
}

/// The translation context of the export dialogs.
class PlotExport {
    Q_DECLARE_TR_FUNCTIONS(peft::runs::PlotExport)
};

} // namespace

bool savePlotPng(QCustomPlot* plot, const QString& path) {
    const QSize size = plotSize(plot);
    return plot->toPixmap(size.width(), size.height()).save(path, "PNG");
}

bool savePlotSvg(QCustomPlot* plot, const QString& path, const QString& title) {
    const QSize size = plotSize(plot);
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("PEFT Studio"));
    QCPPainter painter;
    if (!painter.begin(&svg)) return false;
    plot->toPainter(&painter, size.width(), size.height());
    painter.end();
    return QFile::exists(path);
}

void exportPlotDialog(QCustomPlot* plot, QWidget* parent, const QString& suggestedName, const QString& title) {
    const QString png = PlotExport::tr("PNG images (*.png)");
    const QString svg = PlotExport::tr("SVG drawings (*.svg)");
    QString filter;
    QString path = QFileDialog::getSaveFileName(parent, PlotExport::tr("Export Chart"), suggestedName + QStringLiteral(".png"),
                                                png + QStringLiteral(";;") + svg, &filter);
    if (path.isEmpty()) return;
    const bool asSvg = path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ||
                       (filter == svg && !path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive));
    if (asSvg && !path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) path += QStringLiteral(".svg");
    const bool ok = asSvg ? savePlotSvg(plot, path, title) : savePlotPng(plot, path);
    if (!ok) QMessageBox::warning(parent, PlotExport::tr("Export Chart"), PlotExport::tr("Cannot write %1.").arg(path));
}

void exportCsvDialog(const QByteArray& csv, QWidget* parent, const QString& suggestedName) {
    const QString path = QFileDialog::getSaveFileName(parent, PlotExport::tr("Export Points"), suggestedName + QStringLiteral(".csv"),
                                                      PlotExport::tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(csv) != csv.size())
        QMessageBox::warning(parent, PlotExport::tr("Export Points"), PlotExport::tr("Cannot write %1: %2").arg(path, file.errorString()));
}

} // namespace peft::runs
