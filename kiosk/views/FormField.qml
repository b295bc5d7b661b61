import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A labelled text box with its problem, if any, in plain words beneath it.
ColumnLayout {
    id: field

    property string label
    property string error
    property string keyboardLayout: "letters"  // which on-screen keys suit it
    property alias text: input.text
    property alias input: input
    property alias maximumLength: input.maximumLength

    spacing: Theme.gapSmall

    // Where a keyboard or screen-reader user lands when this field needs fixing.
    function focusProblem() { input.forceActiveFocus(Qt.TabFocusReason) }

    BodyText {
        Layout.fillWidth: true
        text: field.label
        font.bold: true
    }
    TextField {
        id: input
        objectName: field.objectName + "Input"
        property string keyboardLayout: field.keyboardLayout
        Layout.fillWidth: true
        implicitHeight: Theme.touchTarget
        leftPadding: Theme.fieldPadding
        rightPadding: Theme.fieldPadding
        font.pixelSize: Theme.bodyFont
        color: Theme.ink
        selectionColor: Theme.accent
        selectedTextColor: Theme.accentInk
        // No prediction, no learning, nothing remembered between patients; no
        // copy and paste menu, so nothing passes from one patient to the next.
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase
        ContextMenu.menu: null
        Accessible.name: field.label
        Accessible.description: field.error  // heard with the field, as soon as it is shown
        background: Rectangle {
            radius: Theme.radiusSmall
            color: Theme.surface
            border.width: input.activeFocus ? Theme.lineFocus : Theme.lineThin
            border.color: field.error !== "" ? Theme.noticeBorder
                                             : (input.activeFocus ? Theme.accent : Theme.controlBorder)
        }
    }
    FieldError {
        objectName: field.objectName + "Error"
        Layout.fillWidth: true
        visible: field.error !== ""
        text: field.error
    }
}
