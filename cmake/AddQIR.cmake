# Helpers shared by qir's own CMake files and, once installed, by
# out-of-tree plugins (find_package(qir CONFIG) includes this file).

# add_qir_library(name SOURCES... [LINK libs...])
#   A static component library. Headers live in include/qir/<Component>.
function(add_qir_library name)
  cmake_parse_arguments(ARG "" "" "LINK" ${ARGN})
  add_library(${name} STATIC ${ARG_UNPARSED_ARGUMENTS})
  target_include_directories(${name} PUBLIC
    $<BUILD_INTERFACE:${QIR_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:include>)
  target_compile_options(${name} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  if(ARG_LINK)
    target_link_libraries(${name} PUBLIC ${ARG_LINK})
  endif()
  install(TARGETS ${name} EXPORT QIRTargets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
endfunction()

# add_qir_tool(name SOURCES... [LINK libs...])
#   A thin main. Exports its symbols so that plugins resolve qir and LLVM
#   from the tool instead of carrying a second copy.
function(add_qir_tool name)
  cmake_parse_arguments(ARG "" "" "LINK" ${ARGN})
  add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  target_compile_options(${name} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  set_target_properties(${name} PROPERTIES ENABLE_EXPORTS ON)
  target_link_libraries(${name} PRIVATE ${ARG_LINK})
  install(TARGETS ${name} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endfunction()

# add_qir_plugin(name SOURCES...)
#   A pass plugin: a shared object (loaded by qopt -load-pass-plugin) whose
#   undefined qir/LLVM symbols are resolved from the loading tool at dlopen
#   time. It links no qir or LLVM library: a second copy would register
#   cl::opts twice and give built-in analyses a second AnalysisKey.
function(add_qir_plugin name)
  add_library(${name} MODULE ${ARGN})
  set_target_properties(${name} PROPERTIES PREFIX "")
  target_compile_features(${name} PRIVATE cxx_std_17)
  if(TARGET qir::QIRSupport)
    set(support qir::QIRSupport)
  else()
    set(support QIRSupport)
  endif()
  target_include_directories(${name} SYSTEM PRIVATE ${LLVM_INCLUDE_DIRS}
    $<TARGET_PROPERTY:${support},INTERFACE_INCLUDE_DIRECTORIES>)
  separate_arguments(defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
  target_compile_options(${name} PRIVATE ${defs})
  if(NOT LLVM_ENABLE_RTTI)
    target_compile_options(${name} PRIVATE -fno-rtti)
  endif()
endfunction()
