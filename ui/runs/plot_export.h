// SPDX-License-Identifier: MIT
// Saving a QCustomPlot of the Runs page as a picture: PNG (pixels) or SVG (vectors, drawn by
// QCustomPlot into a QSvgGenerator; its own savePdf writes PDF, not SVG), and a file dialog that
// offers both.
#pragma once

#include <QString>

class QCustomPlot;
class QWidget;

namespace peft::runs {

/// Writes the plot at its on-screen size (or 900×600 when it was never laid out).
bool savePlotPng(QCustomPlot* plot, const QString& path);
bool savePlotSvg(QCustomPlot* plot, const QString& path, const QString& title);
/// Asks for a file (PNG or SVG, by the chosen filter or suffix) and writes it; warns on failure.
void exportPlotDialog(QCustomPlot* plot, QWidget* parent, const QString& suggestedName, const QString& title);
/// Asks for a CSV file and writes `csv` to it; warns on failure.
void exportCsvDialog(const QByteArray& csv, QWidget* parent, const QString& suggestedName);

} // namespace peft::runs
