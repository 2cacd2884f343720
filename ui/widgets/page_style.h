// SPDX-License-Identifier: MIT
// Look shared by the studio's pages: the page heading and framed sections.
#pragma once

#include <QFont>

class QGroupBox;
class QWidget;

namespace peft {

/// The page title's font: the base font 1.4× larger and bold.
QFont pageHeadingFont(const QFont& base);

/// A frame around `content` (the pages' sections), owned by `parent`.
QGroupBox* framedSection(QWidget* content, QWidget* parent);

} // namespace peft
