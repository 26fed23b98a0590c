# The version is what `git describe` says of a release tag (v1.2.3 -> 1.2.3,
# 1.2.3-4-gabcdef0 four commits later). Before the first tag, or outside a git
# checkout (a source tarball), it is the project version with the commit when
# known: 0.1.0+gabcdef0. -DVPCLINT_VERSION=... overrides both.
if(NOT VPCLINT_VERSION)
  set(VPCLINT_VERSION "${PROJECT_VERSION}")
  find_package(Git QUIET)
  if(GIT_FOUND AND EXISTS "${CMAKE_SOURCE_DIR}/.git")
    execute_process(COMMAND "${GIT_EXECUTABLE}" describe --tags --match "v[0-9]*" --dirty
                    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}" OUTPUT_VARIABLE _describe
                    RESULT_VARIABLE _rc OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(_rc EQUAL 0)
      string(REGEX REPLACE "^v" "" VPCLINT_VERSION "${_describe}")
    else()
      execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --short=7 HEAD
                      WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}" OUTPUT_VARIABLE _sha
                      RESULT_VARIABLE _rc OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
      if(_rc EQUAL 0)
        set(VPCLINT_VERSION "${PROJECT_VERSION}+g${_sha}")
      endif()
    endif()
  endif()
endif()
message(STATUS "vpclint version ${VPCLINT_VERSION}")
