# Installation layout (GNUInstallDirs) and packages (CPack: .deb and .tar.gz).
# The man page and the shell completions are generated from `vpclint --help`,
# the same option definitions users see, so they cannot drift from it.
include(GNUInstallDirs)

install(TARGETS vpclint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/rules/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/rules)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})

find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  set(_gen ${CMAKE_SOURCE_DIR}/packaging/gen-completions)
  add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/completions/vpclint.bash ${CMAKE_BINARY_DIR}/completions/_vpclint
    COMMAND ${Python3_EXECUTABLE} ${_gen} $<TARGET_FILE:vpclint> ${CMAKE_BINARY_DIR}/completions
    DEPENDS vpclint ${_gen}
    COMMENT "Generating bash and zsh completions from vpclint --help")
  add_custom_target(completions ALL DEPENDS
    ${CMAKE_BINARY_DIR}/completions/vpclint.bash ${CMAKE_BINARY_DIR}/completions/_vpclint)
  install(FILES ${CMAKE_BINARY_DIR}/completions/vpclint.bash
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME vpclint)
  install(FILES ${CMAKE_BINARY_DIR}/completions/_vpclint DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
else()
  message(STATUS "python3 not found: no shell completions")
endif()

find_program(HELP2MAN help2man)
if(HELP2MAN)
  add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/man/vpclint.1.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
    COMMAND ${HELP2MAN} --no-info --section=1 --source=vpclint
            "--name=find AWS Lambda networking mistakes in CloudFormation and Terraform"
            --include=${CMAKE_SOURCE_DIR}/packaging/vpclint.h2m
            --output=${CMAKE_BINARY_DIR}/man/vpclint.1 $<TARGET_FILE:vpclint>
    COMMAND gzip -9nf ${CMAKE_BINARY_DIR}/man/vpclint.1
    DEPENDS vpclint ${CMAKE_SOURCE_DIR}/packaging/vpclint.h2m
    COMMENT "Generating the man page from vpclint --help")
  add_custom_target(manpage ALL DEPENDS ${CMAKE_BINARY_DIR}/man/vpclint.1.gz)
  install(FILES ${CMAKE_BINARY_DIR}/man/vpclint.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man page (apt-get install help2man)")
endif()

# Packages. dpkg-shlibdeps computes Depends from the binary: libc6 alone for
# the static build (VPCLINT_STATIC), the shared libraries' packages otherwise.
set(CPACK_PACKAGE_NAME vpclint)
set(CPACK_PACKAGE_VENDOR "vpclint developers")
set(CPACK_PACKAGE_CONTACT "vpclint developers <vpclint@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Static analyzer for AWS Lambda networking mistakes in CloudFormation and Terraform")
set(CPACK_PACKAGE_VERSION "${VPCLINT_VERSION}")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGE_FILE_NAME "vpclint-${VPCLINT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/vpclint/vpclint")
# Debian versions must start with a digit and sort "+g<sha>" builds after
# the release they follow; git describe's "-N-g<sha>" becomes "+N.g<sha>".
string(REGEX REPLACE "-([0-9]+)-g" "+\\1.g" _deb_version "${VPCLINT_VERSION}")
string(REPLACE "-dirty" "+dirty" _deb_version "${_deb_version}")
set(CPACK_DEBIAN_PACKAGE_VERSION "${_deb_version}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)
