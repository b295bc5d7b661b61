#!/bin/sh
# Install or upgrade the clinic kiosk. Run it from the unpacked folder:
#
#   sudo ./install.sh                 the app, its settings, data and log folders, the
#                                     "kiosk" user, and the service that starts it on boot
#   sudo ./install.sh --no-service [--user NAME]
#                                     the app, settings and folders only, the folders
#                                     owned by NAME (default: whoever runs install.sh)
#   ./install.sh --no-service --prefix DIR
#                                     everything under DIR instead of /, with the settings
#                                     pointing inside DIR (try an install without touching
#                                     the system)
#
# Running it again upgrades in place: settings, contact requests, installed
# content and logs are kept. uninstall.sh (also copied to /opt/clinic-kiosk)
# removes it again.
set -eu

usage() {
    echo "usage: install.sh [--no-service [--user NAME]] [--prefix DIR]" >&2
    exit 2
}

fail() {
    echo "install.sh: $*" >&2
    exit 1
}

service=yes
root=/
user=
while [ $# -gt 0 ]; do
    case "$1" in
        --no-service) service=no ;;
        --prefix)
            [ $# -ge 2 ] || usage
            root=$2
            shift
            ;;
        --prefix=*) root=${1#--prefix=} ;;
        --user)
            [ $# -ge 2 ] || usage
            user=$2
            shift
            ;;
        -h | --help)
            sed -n '2,15s/^# \{0,1\}//p' "$0"
            exit 0
            ;;
        *) usage ;;
    esac
    shift
done

here=$(cd "$(dirname "$0")" && pwd)
[ -x "$here/app/clinic-kiosk" ] || fail "no app/clinic-kiosk beside install.sh: unpack the whole tarball and run install.sh from its folder"
mkdir -p "$root" || fail "cannot create $root"
root=$(cd "$root" && pwd)
[ "$root" = / ] && root=
if [ "$service" = yes ] && [ -n "$root" ]; then
    fail "--prefix installs files only: add --no-service"
fi
if [ "$(id -u)" -ne 0 ] && [ -z "$root" ]; then
    fail "run as root: sudo $0"
fi

app=$root/opt/clinic-kiosk
config_dir=$root/etc/clinic-kiosk
data_dir=$root/var/lib/clinic-kiosk
log_dir=$root/var/log/clinic-kiosk
version=$("$here/app/kiosk-admin" --version 2>/dev/null) ||
    fail "the app in $here/app does not run on this machine"
version=${version#kiosk-admin }

# What the app takes from the system rather than its own folder: the graphics
# drivers' libraries, OpenSSL (so the OS's security updates reach the kiosk)
# and, for the service, the Wayland client libraries.
needed="libGL.so.1 libEGL.so.1 libssl.so.3 libcrypto.so.3"
[ "$service" = no ] || needed="$needed libwayland-client.so.0 libwayland-cursor.so.0 libwayland-egl.so.1"
missing=
for lib in $needed; do
    PATH=$PATH:/sbin:/usr/sbin ldconfig -p | grep -q "[[:space:]]$lib " || missing="$missing $lib"
done
[ -z "$missing" ] || fail "this machine lacks$missing: apt-get install libgl1 libegl1 libssl3 libwayland-client0 libwayland-cursor0 libwayland-egl1, then run install.sh again"

# Read-aloud (the Listen buttons) speaks through speech-dispatcher with espeak-ng's
# voices. Without them the kiosk works, with no Listen buttons: say so, and go on.
speech_missing=
for lib in libspeechd.so.2 libpulse.so.0; do
    PATH=$PATH:/sbin:/usr/sbin ldconfig -p | grep -q "[[:space:]]$lib " || speech_missing="$speech_missing $lib"
done
[ -x /usr/lib/speech-dispatcher-modules/sd_espeak-ng ] || speech_missing="$speech_missing espeak-ng's speech-dispatcher module"
[ -z "$speech_missing" ] || echo "install.sh: read-aloud will be off: this machine lacks$speech_missing: apt-get install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng (the kiosk works without; the staff screen says so)" >&2

if [ "$service" = yes ]; then
    [ -z "$user" ] || [ "$user" = kiosk ] || fail "--user goes with --no-service: the service runs as kiosk"
    user=kiosk
    command -v systemctl >/dev/null || fail "systemd is needed for the boot service; use --no-service and start /opt/clinic-kiosk/clinic-kiosk yourself"
    if [ ! -x /usr/bin/cage ] || [ ! -x /usr/bin/Xwayland ]; then
        fail "cage (the kiosk's screen) or the Xwayland it starts is missing: apt-get install cage xwayland, then run install.sh again"
    fi
    if ! id kiosk >/dev/null 2>&1; then
        useradd --system --user-group --home-dir "$data_dir" --no-create-home \
            --shell /usr/sbin/nologin --comment "Clinic kiosk" kiosk
        echo "created the system user kiosk"
    fi
else
    user=${user:-$(id -un)}
    id "$user" >/dev/null 2>&1 || fail "no user $user on this machine"
fi
owner=$user:$(id -gn "$user")

# The app: copied beside the old one, then swapped in, so a failed copy leaves
# the installed version as it was.
running=no
mkdir -p "$root/opt"
rm -rf "$app.new" "$app.old"
cp -R "$here/app" "$app.new"
cp "$here/uninstall.sh" "$here/INSTALL.md" "$app.new/"
chmod -R u=rwX,go=rX "$app.new"
if [ "$service" = yes ] && systemctl is-active --quiet clinic-kiosk.service; then
    running=yes
    systemctl stop clinic-kiosk.service
fi
[ -e "$app" ] && mv "$app" "$app.old"
mv "$app.new" "$app"
rm -rf "$app.old"

# kiosk-admin on PATH. Called by root, it runs as the kiosk's user, so what it
# writes in the data folder (PIN, keys, installed content) stays the kiosk's.
mkdir -p "$root/usr/local/bin"
as_user=
if [ "$user" != root ]; then
    as_user="[ \"\$(id -u)\" -ne 0 ] || set -- runuser -u $user -- \"\$@\""
fi
cat >"$root/usr/local/bin/kiosk-admin" <<EOF
#!/bin/sh
# Installed by the clinic kiosk's install.sh.
set -- "$app/kiosk-admin" "\$@"
$as_user
exec "\$@"
EOF
chmod 755 "$root/usr/local/bin/kiosk-admin"

# Settings: written once, never overwritten; the new default is kept beside them.
mkdir -p "$config_dir"
settings=$config_dir/kiosk.toml
if [ -n "$root" ]; then
    sed "s|'/var/|'$root/var/|" "$here/kiosk.toml" >"$settings.default"
else
    cp "$here/kiosk.toml" "$settings.default"
fi
chmod 644 "$settings.default"
if [ -e "$settings" ]; then
    echo "kept the settings in $settings (the new default is $settings.default)"
else
    cp "$settings.default" "$settings"
    echo "wrote the default settings to $settings"
fi

# Data and logs: only the kiosk (and root) may read them.
mkdir -p "$data_dir/trusted-keys" "$log_dir"
chown "$owner" "$data_dir" "$data_dir/trusted-keys" "$log_dir"
chmod 750 "$data_dir" "$log_dir"
chmod 755 "$data_dir/trusted-keys"

if [ "$service" = yes ]; then
    install -m 644 "$here/clinic-kiosk.service" /etc/systemd/system/clinic-kiosk.service
    install -m 644 "$here/clinic-kiosk.pam" /etc/pam.d/clinic-kiosk
    # USB sticks for staff: mounted for the kiosk, as no desktop is there to do it.
    install -m 644 "$here/90-clinic-kiosk-usb.rules" /etc/udev/rules.d/90-clinic-kiosk-usb.rules
    udevadm control --reload-rules 2>/dev/null || true
    systemctl daemon-reload
    systemctl enable --quiet clinic-kiosk.service
    if [ "$running" = yes ]; then
        systemctl start clinic-kiosk.service
        echo "restarted the kiosk"
    else
        echo "the kiosk starts at the next boot (or now: systemctl start clinic-kiosk)"
    fi
fi
echo "installed clinic-kiosk $version in $app"
