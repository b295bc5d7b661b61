pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

// The two to four things to take from a page, in a box at its top.
Rectangle {
    id: box

    required property var points  // plain sentences

    objectName: "keyPoints"
    visible: points.length > 0
    implicitHeight: list.implicitHeight + 2 * Theme.boxPadding
    color: Theme.keyPointsFill
    radius: Theme.radiusSmall
    border.width: Theme.line
    border.color: Theme.keyPointsBorder

    ColumnLayout {
        id: list
        x: Theme.boxPadding
        y: Theme.boxPadding
        width: box.width - 2 * Theme.boxPadding
        spacing: Theme.gapSmall

        HeadingText {
            Layout.fillWidth: true
            text: qsTr("Key points")
            font.pixelSize: Theme.boxTitleFont
        }
        Repeater {
            model: box.points
            RowLayout {
                id: point
                required property string modelData
                Layout.fillWidth: true
                spacing: Theme.gapMedium
                BodyText {
                    Layout.alignment: Qt.AlignTop
                    text: "\u2022"
                    font.bold: true
                    Accessible.ignored: true
                }
                BodyText {
                    objectName: "keyPoint"
                    Layout.fillWidth: true
                    text: point.modelData
                }
            }
        }
    }
}
