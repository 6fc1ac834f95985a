#pragma once

#include "client/retrymode.h"
#include "http/networksettings.h"

// What every call of one client shares, from the profile: how calls leave this machine (proxies,
// CA bundle, read timeout) and how they are retried.
struct ClientConfiguration
{
    NetworkSettings network;
    RetryMode retryMode = RetryMode::Standard;
    int maxAttempts = 3;
};
