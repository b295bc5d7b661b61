pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

// The clinic's name, address and phone numbers, with the contact page's words.
ColumnLayout {
    id: details

    required property var content
    required property var navigation

    readonly property var page: content.page(content.contactPageId)

    spacing: Theme.spacing

    ScreenTitle {
        Layout.fillWidth: true
        text: details.page.title || "Contact us"
    }
    Text {
        Layout.fillWidth: true
        text: details.content.clinicName
        wrapMode: Text.WordWrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.headingFont
        font.bold: true
        color: Theme.ink
    }
    Text {
        objectName: "clinicAddress"
        Layout.fillWidth: true
        text: details.content.clinicAddress
        wrapMode: Text.WordWrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodyFont
        color: Theme.ink
    }
    Repeater {
        model: details.content.clinicPhones
        Row {
            id: phoneRow
            required property string modelData
            spacing: Theme.spacing / 2
            Image {
                source: Theme.icon("phone", false)
                sourceSize: Qt.size(44, 44)
                anchors.verticalCenter: parent.verticalCenter
            }
            Text {
                objectName: "clinicPhone"
                text: phoneRow.modelData
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingFont
                font.bold: true
                color: Theme.ink
            }
        }
    }
    Text {
        Layout.fillWidth: true
        visible: details.content.clinicHours !== ""
        text: details.content.clinicHours
        wrapMode: Text.WordWrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodyFont
        color: Theme.ink
    }
    Text {
        objectName: "pageBody"
        Layout.fillWidth: true
        Layout.maximumWidth: Theme.readingWidth
        visible: text !== ""
        textFormat: Text.RichText
        text: Theme.richText(details.page.html)
        baseUrl: details.content.baseUrl
        wrapMode: Text.WordWrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodyFont
        color: Theme.ink
        onLinkActivated: (link) => details.navigation.openLink(link)
    }
    NoticeBox {
        objectName: "crisisLine"
        Layout.fillWidth: true
        text: details.content.crisisText
    }
}
