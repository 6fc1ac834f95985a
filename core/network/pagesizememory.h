#pragma once

#include "client/serviceendpoint.h"

// Compute Optimizer's model allows maxResults up to 1000, its documentation says 100. An endpoint
// that refused more than 100 once is asked for 100 from then on, for as long as the program runs
// (a load gets a new client each time, so this lives outside it). Thread-safe.
namespace PageSizeMemory {

// The page size to ask this endpoint for: `wanted`, or the smaller size it was seen to accept.
int pageSizeFor(const ServiceEndpoint &endpoint, int wanted);
void rememberRefusal(const ServiceEndpoint &endpoint, int acceptedSize);
void forgetAll(); // for tests

} // namespace PageSizeMemory
