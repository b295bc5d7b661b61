import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The request's short message: a box of a few lines, its count of letters, a limit
// kept however the text arrives, no copy and paste between patients.
ColumnLayout {
    id: field

    required property int maximumLength
    readonly property alias text: area.text

    signal keysWanted()  // Enter: a keyboard or switch user goes on to the kiosk's keys

    spacing: Theme.gapSmall
    RowLayout {
        Layout.fillWidth: true
        BodyText {
            Layout.fillWidth: true
            text: qsTr("A short message (optional)")
            font.bold: true
            wrapMode: Text.NoWrap
        }
        Caption {
            objectName: "messageCounter"
            //: Letters typed in the message so far, of the most it can hold: "12 of 500"
            text: qsTr("%1 of %2").arg(area.length).arg(field.maximumLength)
            color: area.length > field.maximumLength * 0.9 ? Theme.alertInk : Theme.muted
            wrapMode: Text.NoWrap
        }
    }
    TextArea {
        id: area
        objectName: "fieldMessageInput"
        property string keyboardLayout: "letters"
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.bodyFont * 5
        wrapMode: TextEdit.Wrap
        padding: Theme.messagePadding
        font.pixelSize: Theme.bodyFont
        color: Theme.ink
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
        ContextMenu.menu: null  // no copy and paste between patients
        Accessible.name: qsTr("A short message")
        // Tab moves on, as in every other field; a message needs no tab characters.
        Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
        // Enter goes on to the kiosk's keys, as in every text box; Shift+Enter starts a new line.
        Keys.onReturnPressed: (event) => {
            if (event.modifiers & Qt.ShiftModifier)
                area.insert(area.cursorPosition, "\n")
            else
                field.keysWanted()
        }
        Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
        onTextChanged: if (length > field.maximumLength) remove(field.maximumLength, length)
        background: Rectangle {
            radius: Theme.radiusSmall
            color: Theme.surface
            border.width: area.activeFocus ? Theme.lineFocus : Theme.lineThin
            border.color: area.activeFocus ? Theme.accent : Theme.controlBorder
        }
    }
}
