#pragma once

#include "http/proxysettings.h"

#include <QString>

// How a call to AWS leaves this machine, resolved with the other settings of a profile.
struct NetworkSettings
{
    ProxySettings proxies;
    QString caBundle; // AWS_CA_BUNDLE or ca_bundle; empty = the system's certificates only
    int timeoutMs = 30'000;
};
