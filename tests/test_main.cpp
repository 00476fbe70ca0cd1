#define BOOST_TEST_MODULE kanwu
#include <boost/test/unit_test.hpp>
