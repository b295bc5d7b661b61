import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// How to reach the clinic: address, phone numbers, and the contact page's words.
Flickable {
    id: view

    required property var content
    required property var navigation

    readonly property var page: content.page(content.contactPageId)
    readonly property bool wide: width >= 1500

    objectName: "contactView"
    clip: true
    contentWidth: width
    contentHeight: grid.implicitHeight + 2 * Theme.margin
    flickableDirection: Flickable.VerticalFlick
    boundsBehavior: Flickable.StopAtBounds

    ScrollBar.vertical: ScrollBar {
        width: 14
        policy: view.contentHeight > view.height ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
        interactive: false
    }

    GridLayout {
        id: grid
        columns: view.wide ? 2 : 1
        columnSpacing: Theme.margin * 1.5
        rowSpacing: Theme.margin
        width: Math.min(view.width - 2 * Theme.margin, view.wide ? 1700 : Theme.readingWidth)
        x: (view.width - width) / 2
        y: Theme.margin

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: true
            spacing: Theme.spacing

            ScreenTitle {
                Layout.fillWidth: true
                text: view.page.title || "Contact us"
            }
            Text {
                Layout.fillWidth: true
                text: view.content.clinicName
                wrapMode: Text.WordWrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingFont
                font.bold: true
                color: Theme.ink
            }
            Text {
                objectName: "clinicAddress"
                Layout.fillWidth: true
                text: view.content.clinicAddress
                wrapMode: Text.WordWrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodyFont
                color: Theme.ink
            }
            Repeater {
                model: view.content.clinicPhones
                Row {
                    required property string modelData
                    spacing: Theme.spacing / 2
                    Image {
                        source: Theme.icon("phone", false)
                        sourceSize: Qt.size(44, 44)
                        anchors.verticalCenter: parent.verticalCenter
                    }
                    Text {
                        objectName: "clinicPhone"
                        text: parent.modelData
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.headingFont
                        font.bold: true
                        color: Theme.ink
                    }
                }
            }
            Text {
                Layout.fillWidth: true
                visible: view.content.clinicHours !== ""
                text: view.content.clinicHours
                wrapMode: Text.WordWrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodyFont
                color: Theme.ink
            }
        }

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.readingWidth
            spacing: Theme.spacing

            Text {
                objectName: "pageBody"
                Layout.fillWidth: true
                visible: text !== ""
                textFormat: Text.RichText
                text: Theme.richText(view.page.html)
                baseUrl: view.content.baseUrl
                wrapMode: Text.WordWrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodyFont
                color: Theme.ink
                onLinkActivated: (link) => view.navigation.openLink(link)
            }
            NoticeBox {
                objectName: "crisisLine"
                Layout.fillWidth: true
                text: view.content.crisisText
            }
        }
    }
}
