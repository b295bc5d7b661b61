import QtQuick
import QtQuick.Controls.Basic

// A large, calm button: text, an optional icon, a clear pressed state.
Button {
    id: control

    property bool primary: false
    property string iconName: ""

    implicitHeight: Theme.touchTarget
    implicitWidth: Math.max(Theme.touchTarget, row.implicitWidth + Theme.buttonInset)
    focusPolicy: Qt.NoFocus
    Accessible.name: text

    readonly property bool filled: primary || checked
    readonly property color inkColor: filled ? Theme.accentInk : Theme.ink

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
        color: control.down ? (control.filled ? Qt.darker(Theme.accent, 1.25) : Theme.pressed)
                            : (control.filled ? Theme.accent : Theme.surface)
        border.width: Theme.line
        border.color: control.filled ? Theme.accent : Theme.border
    }
}
