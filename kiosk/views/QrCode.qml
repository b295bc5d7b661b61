import QtQuick
import QtQuick.Layouts
import Kiosk

// A QR code for the patient's own phone, with the words that say what it does above it.
// Dark on a white plate in both palettes (scanners need dark on light), each square a
// whole number of pixels, at least Theme.qrModule, so it scans from arm's length. It
// holds only what it is given: no tracking, no address of its own.
ColumnLayout {
    id: code

    required property ContentBridge content
    required property string value  // what the phone reads: a vCard, a web address
    required property string label  // what scanning it does, in a few words
    required property string description  // the same for a screen reader
    property string note: ""  // under the code: its web address, for one who cannot scan

    readonly property var picture: value !== "" ? content.qrCode(value, Theme.qrInk) : ({})
    readonly property int modules: picture.modules || 0
    readonly property int side: modules
                                * Math.max(Theme.qrModule, Math.ceil(Theme.qrSize / Math.max(modules, 1)))

    visible: modules > 0
    spacing: Theme.gapSmall

    HeadingText {
        objectName: code.objectName + "Label"
        Layout.fillWidth: true
        text: code.label
        font.pixelSize: Theme.boxTitleFont
    }
    Rectangle {
        objectName: code.objectName + "Plate"
        implicitWidth: code.side + 2 * Theme.qrPadding
        implicitHeight: implicitWidth
        color: Theme.qrPlate
        radius: Theme.radiusSmall

        Image {
            objectName: code.objectName + "Image"
            anchors.centerIn: parent
            width: code.side
            height: code.side
            sourceSize: Qt.size(code.side, code.side)
            source: code.picture.source || ""
            smooth: false  // whole pixels per square: keep the edges hard
            Accessible.role: Accessible.Graphic
            Accessible.name: code.description
        }
    }
    Caption {
        objectName: code.objectName + "Note"
        Layout.fillWidth: true
        visible: code.note !== ""
        text: code.note
        wrapMode: Text.WrapAnywhere  // a long address has no spaces to break at
    }
}
