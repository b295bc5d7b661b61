import QtQuick

// The keyboard focus ring round a control: shown for focus that came from Tab
// or a switch (a control's visualFocus), never for a touch.
Rectangle {
    property bool shown: false
    property real cornerRadius: Theme.radius
    property color ringColor: Theme.focusRing  // what it stands on decides; the page by default

    anchors.fill: parent
    anchors.margins: -(Theme.focusRingGap + Theme.focusRingWidth)
    radius: cornerRadius + Theme.focusRingGap + Theme.focusRingWidth
    visible: shown
    color: "transparent"
    border.width: Theme.focusRingWidth
    border.color: ringColor
}
