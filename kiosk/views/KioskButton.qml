import QtQuick
import QtQuick.Controls.Basic

// A large, calm button: text, an optional icon, a clear pressed state.
Button {
    id: control

    property bool primary: false
    property string iconName: ""
    property color ringColor: Theme.focusRing  // the focus ring's colour, against what is behind

    implicitHeight: Math.max(Theme.touchTarget, row.implicitHeight + Theme.buttonInset / 2)
    implicitWidth: Math.max(Theme.touchTarget, row.implicitWidth + Theme.buttonInset)
    focusPolicy: Qt.TabFocus  // Tab and switches reach it; a touch never leaves a ring
    Accessible.name: text
    Keys.onReturnPressed: click()
    Keys.onEnterPressed: click()

    readonly property bool filled: primary || checked
    // A button that cannot be used yet keeps its words readable (7:1) and its outline
    // (3:1), but loses its fill.
    readonly property color inkColor: !enabled ? Theme.muted : filled ? Theme.accentInk : Theme.ink

    contentItem: Item {
        implicitWidth: row.implicitWidth
        implicitHeight: row.implicitHeight
        Row {
            id: row
            anchors.centerIn: parent
            spacing: Theme.gapMedium
            Image {
                visible: control.iconName !== ""
                source: control.iconName !== "" ? Theme.icon(control.iconName, control.filled) : ""
                sourceSize: Qt.size(Theme.buttonIcon, Theme.buttonIcon)
                anchors.verticalCenter: parent.verticalCenter
            }
            ButtonLabel {
                horizontalAlignment: Text.AlignLeft  // as wide as its words, beside the icon
                visible: control.text !== ""
                text: control.text
                color: control.inkColor
                anchors.verticalCenter: parent.verticalCenter
            }
        }
    }

    background: Rectangle {
        radius: Theme.radius
        color: !control.enabled ? Theme.background
             : control.down ? (control.filled ? Qt.darker(Theme.accent, 1.25) : Theme.pressed)
             : (control.filled ? Theme.accent : Theme.surface)
        border.width: Theme.line
        border.color: control.filled ? Theme.accent : Theme.controlBorder
        FocusRing { shown: control.visualFocus; ringColor: control.ringColor }
    }
}
