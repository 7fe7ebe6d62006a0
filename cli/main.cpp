// ccscan entry point: everything lives in cli/app.cpp so tests can run the same code in-process.
#include <iostream>

#include "cli/app.h"

int main(int argc, char** argv) { return ccscan::cli::run_app(argc, argv, std::cout, std::cerr); }
