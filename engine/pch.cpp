// SPDX-License-Identifier: MIT
// Anchor for the engine's shared precompiled header.
#include "pch.h"
