#!/usr/bin/env bash
# System tools the test suite needs besides Node.js and npm: the real `pre-commit` (Debian package
# `pre-commit`, which brings python3-nodeenv for its `language: node`). Installs it when missing;
# `npm run test:precommit` calls this first, and .ci/run may call it before `npm ci`.
set -euo pipefail
if ! command -v pre-commit >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends pre-commit >/dev/null
fi
pre-commit --version
