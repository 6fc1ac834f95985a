#pragma once

#include "enrollment/enrollmentstatus.h"

#include <QColor>
#include <QIcon>

class QPainter;
class QPalette;
class QRectF;

// The small shape drawn beside a status: a filled dot for Active, a ring for Inactive, a half dot
// for Pending, a triangle for Failed and a diamond for anything else. The shape tells the statuses
// apart without colour; the colour is picked for the palette's background, light or dark.
QColor statusMarkerColor(EnrollmentStatus status, const QPalette &palette);
void paintStatusMarker(QPainter *painter, const QRectF &rect, EnrollmentStatus status, const QPalette &palette);
QIcon statusMarkerIcon(EnrollmentStatus status, const QPalette &palette, int size, qreal devicePixelRatio);
