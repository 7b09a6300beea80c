#!/usr/bin/env bash
# Builds the desktop installers: jlinks a Java runtime holding the JavaFX modules from the Maven jars, then
# runs jpackage with the argument files of installers/common and installers/<os>.
#
#   installers/build.sh               the current platform's installers (Linux: app image, .deb, .rpm)
#   installers/build.sh linux-image   the Linux application image only (what CI checks)
#
# Output goes to target/installer/. Needs JDK 17+ (jlink, jpackage) and Maven; see installers/README.md for
# what each platform needs besides.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/installer
what=${1:-packages}

case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=macos ;;
    MINGW* | MSYS* | CYGWIN*) os=windows ;;
    *) echo "build.sh: unsupported system $(uname -s)" >&2; exit 1 ;;
esac
if [[ $what == linux-image && $os != linux ]]; then
    echo "build.sh: linux-image builds on Linux only" >&2
    exit 1
fi

# The JDK whose jlink and jpackage we use: JAVA_HOME if set, otherwise the one on the PATH.
if [[ -n ${JAVA_HOME:-} && $os == windows ]]; then
    jdk_bin=$(cygpath -u "$JAVA_HOME")/bin
elif [[ -n ${JAVA_HOME:-} ]]; then
    jdk_bin=$JAVA_HOME/bin
else
    jdk_bin=$(dirname "$(readlink -f "$(command -v jlink)")")
fi
jdk_home=$(dirname "$jdk_bin")
jmods=$jdk_home/jmods
path_separator=:
if [[ $os == windows ]]; then
    # jlink.exe reads a Windows path list: C:\...\jmods;target/installer/javafx
    jmods=$(cygpath -w "$jmods")
    path_separator=';'
fi

echo "==> Maven: application jar and its dependencies"
rm -rf "$out"
mvn -B -q -DskipTests package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$out/deps"

# JavaFX goes into the runtime as modules (the platform jars, e.g. javafx-graphics-21.0.11-linux.jar, not the
# empty jars without a classifier); everything else goes on the class path next to the application jar.
mkdir -p "$out/javafx" "$out/input"
for jar in "$out"/deps/*.jar; do
    name=$(basename "$jar")
    if [[ $name =~ ^javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\.jar$ ]]; then
        mv "$jar" "$out/javafx/"
    elif [[ $name != javafx-* ]]; then
        mv "$jar" "$out/input/"
    fi
done
cp target/original-refusal-workbench.jar "$out/input/refusal-workbench.jar"
# The start-up class list ships beside the jars: the image's archive is made from it below, a package's archive by
# its post-install script (an archive records the jars' absolute paths, which differ once installed).
cp installers/common/startup-classes.lst "$out/input/"
# SQLite's native library ships unpacked beside the jars on Linux (installers/linux/app.args points the driver at
# it); otherwise the driver writes a 1 MB copy into the temporary folder at every start, about a tenth of a
# second before the project can open.
if [[ $os == linux ]]; then
    sqlite_native="org/sqlite/native/Linux/$(uname -m)/libsqlitejdbc.so"
    sqlite_jar=$(cd "$out"/input && pwd)/$(cd "$out"/input && ls sqlite-jdbc-*.jar)
    (cd "$out" && "$jdk_bin/jar" xf "$sqlite_jar" "$sqlite_native")
    mkdir -p "$out/input/native"
    mv "$out/$sqlite_native" "$out/input/native/"
    rm -rf "$out/org"
fi
version=$("$jdk_bin/java" -jar target/refusal-workbench.jar --version | tr -d '\r')
version=${version##* }
# Installers take numeric versions only: 0.2.0-SNAPSHOT is packaged as 0.2.0.
app_version=${version%%-*}

echo "==> jlink: runtime for version $version"
modules=$("$jdk_bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 \
    --module-path "$out/javafx" "$out"/input/*.jar | tail -n 1)
modules="$modules,$(grep -E '^[a-z]' installers/common/extra-modules.txt | paste -s -d, -)"
echo "    modules: $modules"
# JavaFX's native libraries are moved out of the module image into the runtime's library folder, where JavaFX
# looks first; otherwise it unpacks them into ~/.openjfx/cache on every first start of a version. The module
# image stays uncompressed: the installers compress it far better (a .deb of ~36 MB instead of ~57 MB).
"$jdk_bin/jlink" --module-path "$jmods$path_separator$out/javafx" --add-modules "$modules" \
    --exclude-resources 'regex:/javafx\.[a-z]+/[^/]+\.(so|dll|dylib)' \
    --strip-debug --no-header-files --no-man-pages \
    --output "$out/runtime"
native_dir=$out/runtime/lib
[[ $os == windows ]] && native_dir=$out/runtime/bin
for jar in "$out"/javafx/*.jar; do
    natives=$("$jdk_bin/jar" tf "$jar" | tr -d '\r' | grep -E '^[^/]+\.(so|dll|dylib)$' || true)
    if [[ -n $natives ]]; then
        # shellcheck disable=SC2086 # one file name per word
        (cd "$native_dir" && "$jdk_bin/jar" xf "$OLDPWD/$jar" $natives)
    fi
done

jpackage_app=("$jdk_bin/jpackage" @installers/common/app.args @"installers/$os/app.args"
    --input "$out/input" --runtime-image "$out/runtime" --app-version "$app_version")

image() {
    echo "==> jpackage: application image"
    "${jpackage_app[@]}" --type app-image --dest "$out/image"
    echo "    $(ls -d "$out"/image/*)"
    if [[ $os == linux ]]; then
        share_classes "$(cd "$out"/image/refusal-workbench && pwd)"
    fi
}

# Class-data sharing: the classes of installers/common/startup-classes.lst (what the app loads until its first
# prompt is on screen) are parsed and verified once, into an archive the launcher maps at every start
# (installers/linux/app.args). The class path must be the launcher's, jar for jar, absolute.
share_classes() {
    local image=$1 app=$1/lib/app
    echo "==> class-data sharing archive"
    local classpath
    classpath=$(sed -n 's|^app.classpath=\$APPDIR|'"$app"'|p' "$app/refusal-workbench.cfg" | paste -sd:)
    "$image/lib/runtime/bin/java" -Xshare:dump -Xlog:cds=off -Xlog:cds+dynamic=off \
        -XX:SharedClassListFile="$app/startup-classes.lst" -XX:SharedArchiveFile="$app/refusal-workbench.jsa" \
        -cp "$classpath" >/dev/null
    echo "    $(du -h "$app/refusal-workbench.jsa" | cut -f1) $app/refusal-workbench.jsa"
}

package() {
    echo "==> jpackage: $1"
    "${jpackage_app[@]}" --type "$1" @"installers/$os/package.args" --dest "$out"
}

case "$what:$os" in
    linux-image:linux)
        image
        ;;
    packages:linux)
        image
        package deb
        if command -v rpmbuild >/dev/null; then
            package rpm
        else
            echo "==> no rpmbuild on this machine: skipping the .rpm"
        fi
        ;;
    packages:windows)
        package msi
        ;;
    packages:macos)
        package dmg
        ;;
    *)
        echo "usage: installers/build.sh [linux-image]" >&2
        exit 1
        ;;
esac
ls -l "$out"/*.{deb,rpm,msi,dmg} 2>/dev/null || true
