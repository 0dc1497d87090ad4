@echo off
rem Runs the cau command-line tool on Windows, building it first when it is missing or older than
rem the sources. Needs only a JDK 17 or newer: Maven comes through the wrapper (mvnw.cmd).
rem
rem While it builds, it prints a line per module to standard error (standard output stays the
rem tool's own, so that "cau run --report - ..." can be redirected). CAU_BUILD_OUTPUT=maven shows
rem Maven's whole output instead. A failed build prints the end of Maven's output and exits with
rem Maven's exit code. The directory travels to PowerShell as an environment variable, not as
rem script text.
setlocal
set "CAU_HOME=%~dp0"
set "CAU_JAR=%~dp0cau-cli\target\cau-cli.jar"

powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$jar = $env:CAU_JAR; if (-not (Test-Path -LiteralPath $jar)) { exit 1 };" ^
  "$built = (Get-Item -LiteralPath $jar).LastWriteTimeUtc; $h = $env:CAU_HOME;" ^
  "$sources = @(Join-Path $h 'pom.xml'; Join-Path $h '.mvn') + @(Get-ChildItem -Path $h -Directory -Filter 'cau-*' | ForEach-Object { (Join-Path $_.FullName 'pom.xml'); (Join-Path $_.FullName 'src') });" ^
  "$newer = Get-ChildItem -LiteralPath $sources -Recurse -File -ErrorAction SilentlyContinue | Where-Object { $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1;" ^
  "if ($newer) { exit 1 } else { exit 0 }"
if not errorlevel 1 goto run

if /i not "%CAU_BUILD_OUTPUT%"=="maven" goto filtered
echo Building cau (first run, or the sources changed): 1>&2
pushd "%CAU_HOME%"
call mvnw.cmd -B -ntp -DskipTests -pl cau-cli -am package 1>&2
set "CAU_STATUS=%ERRORLEVEL%"
popd
goto built

:filtered
echo Building cau (first run, or the sources changed); one line per module: 1>&2
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$log = New-TemporaryFile; Push-Location -LiteralPath $env:CAU_HOME; $downloading = $false;" ^
  "& (Join-Path $env:CAU_HOME 'mvnw.cmd') -B -ntp -DskipTests -pl cau-cli -am package 2>&1 | Tee-Object -FilePath $log.FullName | ForEach-Object {" ^
  "  $line = [string]$_;" ^
  "  if ($line -match '^\[INFO\] Building (.+?) +\[(\d+/\d+)\] *$') { [Console]::Error.WriteLine('  [' + $Matches[2] + '] ' + $Matches[1]) }" ^
  "  elseif ($line -match '^\[INFO\] Download(ing|ed) from ' -and -not $downloading) { $downloading = $true; [Console]::Error.WriteLine('  downloading plug-ins and dependencies (once)...') }" ^
  "  elseif ($line -match '^\[INFO\] BUILD SUCCESS') { [Console]::Error.WriteLine('  built') } };" ^
  "$status = $LASTEXITCODE; Pop-Location;" ^
  "if ($status -ne 0) { [Console]::Error.WriteLine('The build failed (exit code ' + $status + '); the end of Maven''s output:'); Get-Content -LiteralPath $log.FullName -Tail 40 | ForEach-Object { [Console]::Error.WriteLine($_) } };" ^
  "Remove-Item -LiteralPath $log.FullName; exit $status"
set "CAU_STATUS=%ERRORLEVEL%"

:built
if not "%CAU_STATUS%"=="0" exit /b %CAU_STATUS%

:run
java -jar "%CAU_JAR%" %*
exit /b %ERRORLEVEL%
